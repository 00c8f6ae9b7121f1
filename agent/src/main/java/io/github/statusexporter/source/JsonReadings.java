package io.github.statusexporter.source;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.CharArrayReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a JSON document into a {@link Reading} of one record, with Gson's streaming reader in its
 * strict mode (RFC 8259: no comments, NaN or unquoted names).
 */
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

  /**
   * Gson reads a number of at most this many characters; a longer one is malformed to it. A double
   * holds 17 significant digits, and its longest form ({@code -2.2250738585072014E-308}) has 24.
   */
  static final int MAX_NUMBER_CHARS = 65;

  /** Longer strings and names are no status value either. */
  static final int MAX_STRING_CHARS = 64 * 1024;

  private JsonReadings() {}

  /**
   * @throws SourceException with {@link FailureReason#INVALID_JSON} when the body is not one JSON
   *     object
   */
  public static Reading parse(byte[] body) throws SourceException {
    try (JsonReader reader = new JsonReader(new CharArrayReader(utf8(body)))) {
      reader.setStrictness(Strictness.STRICT);
      reader.setNestingLimit(MAX_DEPTH);
      if (reader.peek() != JsonToken.BEGIN_OBJECT) {
        throw invalid("the body is not a JSON object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> document = (Map<String, Object>) readValue(reader, new int[1]);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw invalid("the body holds more than one JSON value");
      }
      return Reading.of(document);
    } catch (IOException | IllegalStateException e) {
      // Gson says where: "... at line 1 column 7 path $.a". IllegalStateException: a token of
      // another kind than the one asked for, which the peek before each read rules out.
      throw invalid("the body is not valid JSON: " + gsonMessage(e.getMessage()));
    }
  }

  /** The body as UTF-8 (RFC 8259), a malformed sequence refused rather than replaced. */
  private static char[] utf8(byte[] body) throws SourceException {
    try {
      CharBuffer chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body));
      char[] array = new char[chars.remaining()];
      chars.get(array);
      return array;
    } catch (CharacterCodingException e) {
      throw invalid("the body is not UTF-8 text");
    }
  }

  /**
   * The value at the reader's next token: null for JSON null, which reads as an absent field.
   * {@code count} holds the number of values read so far.
   */
  private static Object readValue(JsonReader reader, int[] count)
      throws IOException, SourceException {
    if (++count[0] > MAX_VALUES) {
      throw new SourceException(
          FailureReason.TOO_LARGE, "the body holds more than " + MAX_VALUES + " JSON values");
    }
    switch (reader.peek()) {
      case BEGIN_OBJECT:
        Map<String, Object> object = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          String name = bounded(reader.nextName(), "name");
          Object value = readValue(reader, count);
          if (value != null) {
            object.put(name, value);
          }
        }
        reader.endObject();
        return object;
      case BEGIN_ARRAY:
        List<Object> array = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          array.add(readValue(reader, count));
        }
        reader.endArray();
        return array;
      case NUMBER:
        // Its text, parsed here: Gson's own nextDouble() refuses 1e400 in strict mode, which is
        // a valid JSON number that reads as infinity (and is skipped as not_finite).
        double value = Double.parseDouble(reader.nextString());
        return value == 0 ? 0.0 : value; // -0 reads as 0: a status has no signed zero
      case STRING:
        return bounded(reader.nextString(), "string");
      case BOOLEAN:
        return reader.nextBoolean();
      default:
        reader.nextNull();
        return null;
    }
  }

  private static String bounded(String text, String what) throws SourceException {
    if (text.length() > MAX_STRING_CHARS) {
      throw invalid("a " + what + " is longer than " + MAX_STRING_CHARS + " characters");
    }
    return text;
  }

  /**
   * Gson's message without what speaks to a programmer: its second line (a link to its
   * troubleshooting guide) and its advice to turn on its lenient mode, which a user cannot.
   */
  private static String gsonMessage(String message) {
    if (message == null) {
      return "";
    }
    int end = message.indexOf('\n');
    String first = end < 0 ? message : message.substring(0, end);
    return first.replace(
        "Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed", "malformed");
  }

  private static SourceException invalid(String message) {
    return new SourceException(FailureReason.INVALID_JSON, message);
  }
}
