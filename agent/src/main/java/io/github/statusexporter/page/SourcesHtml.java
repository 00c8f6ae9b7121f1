package io.github.statusexporter.page;

import io.github.statusexporter.collect.FieldFate;
import io.github.statusexporter.collect.FieldReport;
import io.github.statusexporter.collect.LastRead;
import io.github.statusexporter.collect.RecordReport;
import io.github.statusexporter.collect.SourceReport;
import io.github.statusexporter.source.UnreadableField;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The sources page for a person: a table per source. Everything a source sent is escaped, since a
 * status document may hold any text, {@code <script>} included.
 */
final class SourcesHtml {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private static final String STYLE =
      "body{font-family:sans-serif;margin:1.5em;color:#222}"
          + "table{border-collapse:collapse;margin-bottom:.5em}"
          + "th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}"
          + "th{background:#f2f2f2}tr.record th{background:#e8eef8;font-weight:normal}"
          + ".addr{font-weight:normal;color:#555;font-size:.8em}.up{color:#176f2c}"
          + ".down{color:#b00020}.none{color:#888}.skip{color:#9a5b00}"
          + "code{font-size:.95em}td.value{max-width:40em;overflow-wrap:anywhere}";

  private final StringBuilder html = new StringBuilder(8192);

  private SourcesHtml() {}

  static byte[] render(List<SourceReport> sources, String version) {
    SourcesHtml page = new SourcesHtml();
    page.page(sources, version);
    return page.html.toString().getBytes(StandardCharsets.UTF_8);
  }

  private void page(List<SourceReport> sources, String version) {
    html.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">")
        .append("<title>status sources - status-exporter</title><style>")
        .append(STYLE)
        .append("</style></head><body>\n<h1>Status sources</h1>\n<p>What each source gave at its")
        .append(" last read (a scrape of <a href=\"../metrics\">/metrics</a> reads them) and what")
        .append(" became of every field. status-exporter ")
        .append(escape(version))
        .append("; <code>curl</code> this page for JSON.</p>\n");
    if (sources.isEmpty()) {
      html.append("<p>No status source is configured.</p>\n");
    }
    for (SourceReport source : sources) {
      source(source);
    }
    html.append("</body></html>\n");
  }

  private void source(SourceReport source) {
    html.append("<section>\n<h2>")
        .append(escape(source.name()))
        .append(" <span class=\"addr\">")
        .append(escape(source.address()))
        .append("</span></h2>\n");
    lastRead(source.lastRead());
    if (source.unreadableFields() > 0) {
      html.append("<p class=\"skip\">Unreadable fields: ")
          .append(source.unreadableFields())
          .append(" (the source has them but reading them failed)</p>\n<ul>\n");
      for (UnreadableField field : source.unreadable()) {
        html.append("<li>")
            .append(escape(field.describe()))
            .append(": ")
            .append(escape(field.why()))
            .append("</li>\n");
      }
      html.append("</ul>\n");
    }
    if (!source.records().isEmpty()) {
      table(source.records());
    }
    if (source.fieldsNotShown() > 0) {
      html.append("<p>").append(source.fieldsNotShown()).append(" more fields not shown.</p>\n");
    }
    if (source.fatesNotShown() > 0) {
      html.append("<p>What became of ")
          .append(source.fatesNotShown())
          .append(" more fields is not shown.</p>\n");
    }
    html.append("</section>\n");
  }

  private void lastRead(LastRead last) {
    if (last == null) {
      html.append("<p class=\"none\">Not read yet: a scrape of /metrics reads it.</p>\n");
      return;
    }
    html.append("<p>Last read ")
        .append(TIME.format(last.at()))
        .append(", ")
        .append(Math.round(last.seconds() * 1000))
        .append(" ms: ");
    if (last.isUp()) {
      html.append("<strong class=\"up\">up</strong></p>\n");
    } else {
      html.append("<strong class=\"down\">failed, ")
          .append(last.failure().label())
          .append("</strong>: ")
          .append(escape(last.message()))
          .append("</p>\n");
    }
  }

  private void table(List<RecordReport> records) {
    html.append("<table>\n<tr><th>field</th><th>value</th><th>type</th><th>became</th></tr>\n");
    for (RecordReport record : records) {
      if (!record.labels().isEmpty()) {
        html.append("<tr class=\"record\"><th colspan=\"4\">");
        String separator = "";
        for (Map.Entry<String, String> label : record.labels().entrySet()) {
          html.append(separator)
              .append(escape(label.getKey()))
              .append("=\"")
              .append(escape(label.getValue()))
              .append('"');
          separator = ", ";
        }
        html.append("</th></tr>\n");
      }
      for (FieldReport field : record.fields()) {
        field(field);
      }
    }
    html.append("</table>\n");
  }

  private void field(FieldReport field) {
    html.append("<tr><td><code>")
        .append(escape(field.path()))
        .append("</code></td><td class=\"value\">")
        .append(field.value() == null ? "" : escape(field.value()))
        .append("</td><td>")
        .append(field.type())
        .append("</td><td>");
    if (field.fates().isEmpty()) {
      html.append("<span class=\"none\">not mapped</span>");
    }
    String separator = "";
    for (FieldFate fate : field.fates()) {
      html.append(separator);
      separator = "<br>";
      if (fate.skipped() != null) {
        html.append("<span class=\"skip\"><code>")
            .append(escape(fate.metric()))
            .append("</code> skipped: ")
            .append(fate.skipped().label())
            .append("</span>");
      } else if (fate.label() != null) {
        html.append("label <code>")
            .append(escape(fate.label()))
            .append("</code> of <code>")
            .append(escape(fate.metric()))
            .append("</code>");
      } else {
        html.append("<code>").append(escape(fate.metric())).append("</code>");
      }
    }
    html.append("</td></tr>\n");
  }

  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&':
          escaped.append("&amp;");
          break;
        case '<':
          escaped.append("&lt;");
          break;
        case '>':
          escaped.append("&gt;");
          break;
        case '"':
          escaped.append("&quot;");
          break;
        case '\'':
          escaped.append("&#39;");
          break;
        default:
          escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
