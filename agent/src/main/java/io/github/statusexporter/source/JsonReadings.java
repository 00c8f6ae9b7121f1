package io.github.statusexporter.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a JSON document into a {@link Reading} of one record. */
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
    try (JsonParser parser = FACTORY.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw invalid("the body is not a JSON object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> document = (Map<String, Object>) readValue(parser);
      if (parser.nextToken() != null) {
        throw invalid("the body holds more than one JSON value");
      }
      return Reading.of(document);
    } catch (JsonProcessingException e) {
      throw invalid("the body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw invalid("the body cannot be read as JSON: " + e.getMessage());
    }
  }

  /** The value at the current token: null for JSON null, which reads as an absent field. */
  private static Object readValue(JsonParser parser) throws IOException {
    switch (parser.currentToken()) {
      case START_OBJECT:
        Map<String, Object> object = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          Object value = readValue(parser);
          if (value != null) {
            object.put(name, value);
          }
        }
        return object;
      case START_ARRAY:
        List<Object> array = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(readValue(parser));
        }
        return array;
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return parser.getDoubleValue();
      case VALUE_STRING:
        return parser.getText();
      case VALUE_TRUE:
      case VALUE_FALSE:
        return parser.getBooleanValue();
      default:
        return null;
    }
  }

  private static SourceException invalid(String message) {
    return new SourceException(FailureReason.INVALID_JSON, message);
  }
}
