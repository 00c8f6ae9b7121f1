package io.github.statusexporter.mapping;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names and globs ({@code *} for any characters) of fields, matched whatever the case and
 * underscores: {@code EnqueueCount}, {@code enqueueCount} and {@code enqueue_count} name one field,
 * as JMX, JSON and the agent's documents spell it.
 */
final class FieldGlobs {
  private final Set<String> names = new HashSet<>();
  private final Pattern globs;

  FieldGlobs(List<String> namesAndGlobs) {
    StringBuilder regex = new StringBuilder();
    for (String text : namesAndGlobs) {
      String normal = normal(text);
      if (!normal.contains("*")) {
        names.add(normal);
        continue;
      }
      if (regex.length() > 0) {
        regex.append('|');
      }
      String[] parts = normal.split("\\*", -1);
      for (int i = 0; i < parts.length; i++) {
        regex.append(i == 0 ? "" : ".*").append(Pattern.quote(parts[i]));
      }
    }
    globs = regex.length() == 0 ? null : Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  /** The form names are compared in: lower case, without underscores. */
  static String normal(String name) {
    return name.replace("_", "").toLowerCase(Locale.ROOT);
  }

  /** Whether {@code normalName}, in {@link #normal} form, is named or matched. */
  boolean matches(String normalName) {
    return names.contains(normalName) || (globs != null && globs.matcher(normalName).matches());
  }

  /** Whether {@code normalName} is named as it is, not only matched by a glob. */
  boolean names(String normalName) {
    return names.contains(normalName);
  }
}
