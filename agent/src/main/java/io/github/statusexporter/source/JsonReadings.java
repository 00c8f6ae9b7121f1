package io.github.statusexporter.source;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import java.io.CharArrayReader;
import java.io.EOFException;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  /** Longer strings and names are no status value either. */
  static final int MAX_STRING_CHARS = 64 * 1024;

  /** Where the body is not JSON, this much of it is shown from there. */
  private static final int SHOWN_CHARS = 24;

  private static final Pattern LOCATION = Pattern.compile(" at line (\\d+) column (\\d+)");

  private JsonReadings() {}

  /**
   * @throws SourceException with {@link FailureReason#INVALID_JSON} when the body is not one JSON
   *     object
   */
  public static Reading parse(byte[] body) throws SourceException {
    CharBuffer text = utf8(body);
    Map<String, Object> document;
    try (JsonReader reader =
        new JsonReader(
            new CharArrayReader(
                text.array(), text.arrayOffset() + text.position(), text.remaining()))) {
      reader.setStrictness(Strictness.STRICT);
      reader.setNestingLimit(MAX_DEPTH);
      if (isEmpty(reader) || reader.peek() != JsonToken.BEGIN_OBJECT) {
        throw invalid("the body is not a JSON object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> object = (Map<String, Object>) readValue(reader, new int[1]);
      if (!isAtEnd(reader)) {
        throw invalid("the body holds more than one JSON value");
      }
      document = object;
    } catch (IOException | IllegalStateException e) {
      // IllegalStateException: a token of another kind than the one asked for, which the peek
      // before each read rules out.
      throw invalid("the body is not valid JSON: " + describe(e.getMessage(), text));
    }
    return Reading.of(document);
  }

  /** The body as UTF-8 (RFC 8259), a malformed sequence refused rather than replaced. */
  private static CharBuffer utf8(byte[] body) throws SourceException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body));
    } catch (CharacterCodingException e) {
      throw invalid("the body is not UTF-8 text (JSON is UTF-8: RFC 8259)");
    }
  }

  private static boolean isEmpty(JsonReader reader) throws IOException {
    try {
      reader.peek();
      return false;
    } catch (EOFException e) {
      return true;
    }
  }

  /** Whether only white space follows the document; Gson's strict mode refuses anything else. */
  private static boolean isAtEnd(JsonReader reader) throws IOException {
    try {
      return reader.peek() == JsonToken.END_DOCUMENT;
    } catch (MalformedJsonException e) {
      return false;
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
   * Gson's message for the user: its first line (the second links to its troubleshooting guide),
   * without its advice to turn on its lenient mode (which a user cannot) or its path (made of the
   * document's own names, of any length), and with the text where it stopped: {@code malformed JSON
   * at line 1 column 7: 'NaN}'}. One line, bounded, whatever the body holds.
   */
  static String describe(String message, CharSequence text) {
    if (message == null) {
      return "";
    }
    int end = message.indexOf('\n');
    String first = end < 0 ? message : message.substring(0, end);
    int path = first.lastIndexOf(" path $");
    if (path >= 0) {
      first = first.substring(0, path);
    }
    first =
        first.replace(
            "Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed", "malformed");
    Matcher location = LOCATION.matcher(first);
    String shown = "";
    if (location.find()) {
      int offset =
          offset(text, Integer.parseInt(location.group(1)), Integer.parseInt(location.group(2)));
      if (offset >= 0 && offset < text.length()) {
        shown =
            ": '"
                + OneLine.of(
                    text.subSequence(offset, Math.min(text.length(), offset + SHOWN_CHARS))
                        .toString(),
                    SHOWN_CHARS)
                + "'";
      }
    }
    return OneLine.of(first, 200) + shown;
  }

  /** The index in {@code text} of Gson's line and column (both from 1), or -1. */
  private static int offset(CharSequence text, int line, int column) {
    int lineStart = 0;
    for (int seen = 1; seen < line; seen++) {
      int next = indexOf(text, '\n', lineStart);
      if (next < 0) {
        return -1;
      }
      lineStart = next + 1;
    }
    return lineStart + column - 1;
  }

  private static int indexOf(CharSequence text, char wanted, int from) {
    for (int i = from; i < text.length(); i++) {
      if (text.charAt(i) == wanted) {
        return i;
      }
    }
    return -1;
  }

  private static SourceException invalid(String message) {
    return new SourceException(FailureReason.INVALID_JSON, message);
  }
}
