package io.github.statusexporter.page;

import com.google.gson.stream.JsonWriter;
import io.github.statusexporter.collect.FieldFate;
import io.github.statusexporter.collect.FieldReport;
import io.github.statusexporter.collect.LastRead;
import io.github.statusexporter.collect.RecordReport;
import io.github.statusexporter.collect.SourceReport;
import io.github.statusexporter.source.UnreadableField;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The sources page for {@code curl} and scripts. A source never read has {@code "last_read": null};
 * a field no metric maps has no fates.
 */
final class SourcesJson {
  private SourcesJson() {}

  static byte[] render(List<SourceReport> sources) {
    StringWriter out = new StringWriter();
    try (JsonWriter json = new JsonWriter(out)) {
      json.beginObject();
      json.name("sources").beginArray();
      for (SourceReport source : sources) {
        source(json, source);
      }
      json.endArray();
      json.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // not thrown: the writer is in memory
    }
    out.write('\n');
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void source(JsonWriter json, SourceReport source) throws IOException {
    json.beginObject();
    json.name("name").value(source.name());
    json.name("address").value(source.address());
    lastRead(json, source.lastRead());
    json.name("unreadable_fields").value(source.unreadableFields());
    json.name("unreadable").beginArray();
    for (UnreadableField field : source.unreadable()) {
      json.beginObject();
      json.name("owner").value(field.owner());
      json.name("field").value(field.field());
      json.name("why").value(field.why());
      json.endObject();
    }
    json.endArray();
    json.name("records").beginArray();
    for (RecordReport record : source.records()) {
      json.beginObject();
      json.name("labels").beginObject();
      for (Map.Entry<String, String> label : record.labels().entrySet()) {
        json.name(label.getKey()).value(label.getValue());
      }
      json.endObject();
      json.name("fields").beginArray();
      for (FieldReport field : record.fields()) {
        field(json, field);
      }
      json.endArray();
      json.endObject();
    }
    json.endArray();
    json.name("fields_not_shown").value(source.fieldsNotShown());
    json.name("fates_not_shown").value(source.fatesNotShown());
    json.endObject();
  }

  private static void lastRead(JsonWriter json, LastRead last) throws IOException {
    if (last == null) {
      json.name("last_read").nullValue();
      return;
    }
    json.name("last_read").beginObject();
    json.name("at").value(last.at().toString());
    json.name("seconds").value(last.seconds());
    json.name("outcome").value(last.isUp() ? "up" : "failed");
    if (!last.isUp()) {
      json.name("reason").value(last.failure().label());
      json.name("message").value(last.message());
    }
    json.endObject();
  }

  private static void field(JsonWriter json, FieldReport field) throws IOException {
    json.beginObject();
    json.name("path").value(field.path());
    json.name("value").value(field.value());
    json.name("type").value(field.type());
    json.name("fates").beginArray();
    for (FieldFate fate : field.fates()) {
      json.beginObject();
      json.name("metric").value(fate.metric());
      if (fate.skipped() != null) {
        json.name("skipped").value(fate.skipped().label());
      } else if (fate.label() != null) {
        json.name("as").value("label");
        json.name("label").value(fate.label());
      } else {
        json.name("as").value("value");
      }
      json.endObject();
    }
    json.endArray();
    json.endObject();
  }
}
