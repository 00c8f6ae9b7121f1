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

  /**
   * Larger documents are not parsed further. Parsed, a value takes up to ~100 bytes of heap (an
   * object of one number, {@code {"v":1}}, ~190 bytes for its two values), so the 1 MiB body cap
   * alone would let a document take ~30 MB; this keeps it to ~10 MB. A real status document has
   * hundreds of values, and 100,000 leave room for 10,000 series of ten fields.
   */
  static final int MAX_VALUES = 100_000;

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
      Map<String, Object> document = (Map<String, Object>) readValue(parser, new int[1]);
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

  /**
   * The value at the current token: null for JSON null, which reads as an absent field. {@code
   * count} holds the number of values read so far.
   */
  private static Object readValue(JsonParser parser, int[] count)
      throws IOException, SourceException {
    if (++count[0] > MAX_VALUES) {
      throw new SourceException(
          FailureReason.TOO_LARGE, "the body holds more than " + MAX_VALUES + " JSON values");
    }
    switch (parser.currentToken()) {
      case START_OBJECT:
        Map<String, Object> object = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          Object value = readValue(parser, count);
          if (value != null) {
            object.put(name, value);
          }
        }
        return object;
      case START_ARRAY:
        List<Object> array = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(readValue(parser, count));
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
