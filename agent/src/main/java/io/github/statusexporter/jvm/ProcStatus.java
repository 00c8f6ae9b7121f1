package io.github.statusexporter.jvm;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Memory sizes from Linux's {@code /proc/self/status}, read whole into a buffer kept for the next
 * time: client_java reads the file once per value through 16 KB of new buffers. One reader at a
 * time: callers lock.
 */
final class ProcStatus {
  private static final String FILE = "/proc/self/status";

  /** The file is about 1.5 KB; what lies past this is never needed. */
  private final byte[] buffer = new byte[8192];

  private int length;

  /** Reads the file now; false if it cannot be read (not Linux, or a restricted /proc). */
  boolean read() {
    try (InputStream in = new FileInputStream(FILE)) {
      length = 0;
      int n;
      while (length < buffer.length && (n = in.read(buffer, length, buffer.length - length)) > 0) {
        length += n;
      }
      return true;
    } catch (IOException | SecurityException e) {
      length = 0;
      return false;
    }
  }

  /** The value of a line such as {@code VmRSS: 72652 kB} of the last read, or -1 if absent. */
  long kibibytes(String key) {
    return numberOnLine(buffer, length, key.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * The number after {@code key} and blanks on the line that starts with it, as in {@code VmRSS:
   * 72652 kB} or {@code Max open files 1048576 1048576 files}; -1 if there is none.
   */
  static long numberOnLine(byte[] text, int length, byte[] key) {
    for (int line = 0; line < length; line = nextLine(text, length, line)) {
      if (startsWith(text, length, line, key)) {
        return number(text, length, line + key.length);
      }
    }
    return -1;
  }

  private static int nextLine(byte[] text, int length, int from) {
    int i = from;
    while (i < length && text[i] != '\n') {
      i++;
    }
    return i + 1;
  }

  private static boolean startsWith(byte[] text, int length, int at, byte[] key) {
    if (at + key.length > length) {
      return false;
    }
    for (int i = 0; i < key.length; i++) {
      if (text[at + i] != key[i]) {
        return false;
      }
    }
    return true;
  }

  private static long number(byte[] text, int length, int from) {
    int i = from;
    while (i < length && (text[i] == ' ' || text[i] == '\t')) {
      i++;
    }
    long value = 0;
    int digits = 0;
    for (; i < length && text[i] >= '0' && text[i] <= '9'; i++, digits++) {
      value = value * 10 + (text[i] - '0');
    }
    return digits == 0 ? -1 : value;
  }
}
