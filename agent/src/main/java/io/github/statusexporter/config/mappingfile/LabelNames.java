package io.github.statusexporter.config.mappingfile;

import java.util.regex.Pattern;

/** What a label name of the mapping file may be. */
final class LabelNames {
  static final String EXPECTED = "a label name ([a-zA-Z_][a-zA-Z0-9_]*, no leading __)";

  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  private LabelNames() {}

  /** Valid in Prometheus, and not one of the names it reserves for itself (__name__ ...). */
  static boolean isValid(String label) {
    return LABEL_NAME.matcher(label).matches() && !label.startsWith("__");
  }
}
