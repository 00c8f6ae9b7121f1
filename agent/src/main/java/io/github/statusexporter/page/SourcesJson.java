package io.github.statusexporter.page;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.statusexporter.collect.FieldFate;
import io.github.statusexporter.collect.FieldReport;
import io.github.statusexporter.collect.LastRead;
import io.github.statusexporter.collect.RecordReport;
import io.github.statusexporter.collect.SourceReport;
import io.github.statusexporter.source.UnreadableField;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The sources page for {@code curl} and scripts. A source never read has {@code "last_read": null};
 * a field no metric maps has no fates.
 */
final class SourcesJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private SourcesJson() {}

  static byte[] render(List<SourceReport> sources) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.writeStartObject();
      json.writeArrayFieldStart("sources");
      for (SourceReport source : sources) {
        source(json, source);
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // not thrown: the stream is in memory
    }
    out.write('\n');
    return out.toByteArray();
  }

  private static void source(JsonGenerator json, SourceReport source) throws IOException {
    json.writeStartObject();
    json.writeStringField("name", source.name());
    json.writeStringField("address", source.address());
    lastRead(json, source.lastRead());
    json.writeNumberField("unreadable_fields", source.unreadableFields());
    json.writeArrayFieldStart("unreadable");
    for (UnreadableField field : source.unreadable()) {
      json.writeStartObject();
      json.writeStringField("owner", field.owner());
      json.writeStringField("field", field.field());
      json.writeStringField("why", field.why());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("records");
    for (RecordReport record : source.records()) {
      json.writeStartObject();
      json.writeObjectFieldStart("labels");
      for (Map.Entry<String, String> label : record.labels().entrySet()) {
        json.writeStringField(label.getKey(), label.getValue());
      }
      json.writeEndObject();
      json.writeArrayFieldStart("fields");
      for (FieldReport field : record.fields()) {
        field(json, field);
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeNumberField("fields_not_shown", source.fieldsNotShown());
    json.writeNumberField("fates_not_shown", source.fatesNotShown());
    json.writeEndObject();
  }

  private static void lastRead(JsonGenerator json, LastRead last) throws IOException {
    if (last == null) {
      json.writeNullField("last_read");
      return;
    }
    json.writeObjectFieldStart("last_read");
    json.writeStringField("at", last.at().toString());
    json.writeNumberField("seconds", last.seconds());
    json.writeStringField("outcome", last.isUp() ? "up" : "failed");
    if (!last.isUp()) {
      json.writeStringField("reason", last.failure().label());
      json.writeStringField("message", last.message());
    }
    json.writeEndObject();
  }

  private static void field(JsonGenerator json, FieldReport field) throws IOException {
    json.writeStartObject();
    json.writeStringField("path", field.path());
    json.writeStringField("value", field.value());
    json.writeStringField("type", field.type());
    json.writeArrayFieldStart("fates");
    for (FieldFate fate : field.fates()) {
      json.writeStartObject();
      json.writeStringField("metric", fate.metric());
      if (fate.skipped() != null) {
        json.writeStringField("skipped", fate.skipped().label());
      } else if (fate.label() != null) {
        json.writeStringField("as", "label");
        json.writeStringField("label", fate.label());
      } else {
        json.writeStringField("as", "value");
      }
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }
}
