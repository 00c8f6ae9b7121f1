package io.github.statusexporter.instrumentation;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/** A registry's scrape in the text format, and the lines of one family. */
public final class Exposition {
  private Exposition() {}

  public static String text(PrometheusRegistry registry) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PrometheusTextFormatWriter.create().write(out, registry.scrape(), EscapingScheme.ALLOW_UTF8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The sample lines that start with {@code prefix}, joined with newlines. */
  public static String lines(PrometheusRegistry registry, String prefix) {
    return Arrays.stream(text(registry).split("\n"))
        .filter(line -> line.startsWith(prefix))
        .collect(Collectors.joining("\n"));
  }
}
