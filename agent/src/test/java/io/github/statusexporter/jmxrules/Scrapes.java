package io.github.statusexporter.jmxrules;

import io.github.statusexporter.config.ConfigException;
import io.github.statusexporter.config.jmxexporter.JmxExporterConfig;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.management.MBeanServer;

/**
 * What a Prometheus server reads of a {@link JmxRulesCollector}'s scrape: the text format, and one
 * family of it, so that tests compare what a user sees with what jmx_exporter 1.0.1 shows.
 */
final class Scrapes {
  private Scrapes() {}

  /**
   * A file that sets nothing: every default, no rules (each attribute in the default format).
   * 1.0.1's tests write {@code ---}, an empty document, which its collector reads as no keys but
   * its agent refuses (and exits); ours refuses it too.
   */
  static final String DEFAULTS = "{}";

  static JmxRulesCollector collector(MBeanServer server, String yaml) throws ConfigException {
    return new JmxRulesCollector(server, JmxExporterConfig.parse(yaml));
  }

  /** One scrape of the rules in {@code yaml} over the beans of {@code server}, as text. */
  static String scrape(MBeanServer server, String yaml) throws ConfigException {
    return text(collector(server, yaml).collect());
  }

  static String text(MetricSnapshots snapshots) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PrometheusTextFormatWriter.create()
          .write(
              out,
              snapshots,
              EscapingScheme.fromAcceptHeader("text/plain; version=0.0.4; charset=utf-8"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * The {@code # HELP}, {@code # TYPE} and sample lines of the family written as {@code name} (a
   * counter's with its {@code _total}), each ending with a line break; empty if there is none.
   */
  static String family(String text, String name) {
    StringBuilder lines = new StringBuilder();
    for (String line : text.split("\n")) {
      if (line.startsWith("# HELP " + name + " ")
          || line.startsWith("# TYPE " + name + " ")
          || line.startsWith(name + " ")
          || line.startsWith(name + "{")) {
        lines.append(line).append('\n');
      }
    }
    return lines.toString();
  }

  /** The text without jmx_exporter's self-metrics ({@code jmx_*}): what the rules made. */
  static String withoutSelfMetrics(String text) {
    StringBuilder lines = new StringBuilder();
    for (String line : text.split("\n")) {
      if (!line.isEmpty()
          && !line.startsWith("jmx_")
          && !line.startsWith("# HELP jmx_")
          && !line.startsWith("# TYPE jmx_")) {
        lines.append(line).append('\n');
      }
    }
    return lines.toString();
  }

  /** The names in the {@code # TYPE} lines, but jmx_exporter's self-metrics ({@code jmx_*}). */
  static List<String> familyNames(String text) {
    List<String> names = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("# TYPE ") && !line.startsWith("# TYPE jmx_")) {
        names.add(line.split(" ")[2]);
      }
    }
    return names;
  }
}
