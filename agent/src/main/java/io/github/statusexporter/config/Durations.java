package io.github.statusexporter.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Timeouts as people write them: {@code 500ms}, {@code 2s}, {@code 1.5s} or plain seconds. */
public final class Durations {
  public static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);
  public static final String EXPECTED = "a duration from 1ms to 60s, such as 500ms or 2s";
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s)?");

  private Durations() {}

  /** The timeout, or null when the text is not one from 1 ms to 60 s. */
  public static Duration timeout(String text) {
    Matcher matcher = DURATION.matcher(text.trim());
    if (!matcher.matches()) {
      return null;
    }
    BigDecimal amount = new BigDecimal(matcher.group(1));
    BigDecimal millis =
        "ms".equals(matcher.group(2)) ? amount : amount.multiply(BigDecimal.valueOf(1000));
    if (millis.compareTo(BigDecimal.ONE) < 0
        || millis.compareTo(BigDecimal.valueOf(MAX_TIMEOUT.toMillis())) > 0) {
      return null;
    }
    return Duration.ofMillis(millis.longValue());
  }
}
