package io.github.statusexporter.config.jmxexporter;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * jmx_exporter's agent argument, {@code [host:]port:config.yaml}, so that its users change only the
 * jar's name in the JVM flag. The grammar is jmx_exporter 1.0.1's own (a host name, or an IPv6
 * address in brackets; one to five digits; the rest is the file, which may hold colons); our own
 * {@code key=value} form never matches it.
 */
public final class JmxExporterArgument {
  /** Compiled only for an argument that {@link #mayMatch}. */
  private static final class Form {
    private static final Pattern PATTERN =
        Pattern.compile("^(?:((?:[\\w.-]+)|(?:\\[.+])):)?(\\d{1,5}):(.+)");
  }

  private final String host;
  private final String port;
  private final String file;

  private JmxExporterArgument(String host, String port, String file) {
    this.host = host;
    this.port = port;
    this.file = file;
  }

  /** The argument in jmx_exporter's form, or empty when it is in ours (or absent). */
  public static Optional<JmxExporterArgument> parse(String arguments) {
    if (arguments == null || !mayMatch(arguments)) {
      return Optional.empty();
    }
    Matcher matcher = Form.PATTERN.matcher(arguments);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    String host = matcher.group(1);
    if (host != null && host.startsWith("[")) {
      host = host.substring(1, host.length() - 1); // our host option takes the bare address
    }
    return Optional.of(new JmxExporterArgument(host, matcher.group(2), matcher.group(3)));
  }

  /**
   * False when the form cannot match: before its first colon there is a bracketed address, or only
   * {@code [\w.-]} (a host name or the port), never our {@code key=value}. Checked by hand on
   * {@code premain}: the regular expression's first use there loaded and bootstrapped the JVM's
   * first lambdas (~1 ms on a quiet machine) for every user.
   */
  static boolean mayMatch(String arguments) {
    int colon = arguments.indexOf(':');
    if (colon < 0) {
      return false;
    }
    if (arguments.startsWith("[")) {
      return true;
    }
    for (int i = 0; i < colon; i++) {
      char c = arguments.charAt(i);
      boolean word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!word && c != '_' && c != '.' && c != '-') {
        return false;
      }
    }
    return colon > 0;
  }

  /** The address to listen on; empty for all interfaces, as jmx_exporter binds 0.0.0.0. */
  public Optional<String> host() {
    return Optional.ofNullable(host);
  }

  /** The port as written, checked by the agent's own port option. */
  public String port() {
    return port;
  }

  /**
   * The jmx_exporter configuration file as written, relative to the working directory as
   * jmx_exporter has it; checked by the agent's own file option.
   */
  public String file() {
    return file;
  }
}
