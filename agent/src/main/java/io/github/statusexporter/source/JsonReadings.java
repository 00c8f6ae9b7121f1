package io.github.statusexporter.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns a JSON document into a {@link Reading}, flattening nested objects and arrays to paths. */
public final class JsonReadings {
  /** Deeper documents are rejected before they can exhaust the stack. */
  static final int MAX_DEPTH = 64;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_DEPTH)
                  .maxNumberLength(400)
                  .maxStringLength(64 * 1024)
                  .build())
          .build();

  private JsonReadings() {}

  /**
   * @throws SourceException with {@link FailureReason#INVALID_JSON} when the body is not one JSON
   *     object
   */
  public static Reading parse(byte[] body) throws SourceException {
    Map<String, Object> values = new LinkedHashMap<>();
    try (JsonParser parser = FACTORY.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw invalid("the body is not a JSON object");
      }
      readValue(parser, "", values);
      if (parser.nextToken() != null) {
        throw invalid("the body holds more than one JSON value");
      }
    } catch (JsonProcessingException e) {
      throw invalid("the body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw invalid("the body cannot be read as JSON: " + e.getMessage());
    }
    return new Reading(values);
  }

  private static void readValue(JsonParser parser, String path, Map<String, Object> values)
      throws IOException {
    switch (parser.currentToken()) {
      case START_OBJECT:
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          readValue(parser, path.isEmpty() ? name : path + "." + name, values);
        }
        break;
      case START_ARRAY:
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          readValue(parser, path + "[" + index++ + "]", values);
        }
        break;
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        values.put(path, parser.getDoubleValue());
        break;
      case VALUE_STRING:
        values.put(path, parser.getText());
        break;
      case VALUE_TRUE:
      case VALUE_FALSE:
        values.put(path, parser.getBooleanValue());
        break;
      default:
        // null: the field is absent as far as the mapping is concerned
        break;
    }
  }

  private static SourceException invalid(String message) {
    return new SourceException(FailureReason.INVALID_JSON, message);
  }
}
