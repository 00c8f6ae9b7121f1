package io.github.statusexporter.config.mappingfile;

import io.github.statusexporter.config.ConfigException;
import io.github.statusexporter.config.yaml.YamlMap;
import java.util.ArrayList;
import java.util.List;

/**
 * The kinds of status source, and what the {@code source} option and a mapping file's source do
 * with them: every kind-specific step goes through the kind.
 */
public final class SourceKinds {
  /** Every kind: a new one is one line here. */
  static final List<SourceKind> ALL = List.of(HttpSource.KIND, MBeanSource.KIND);

  private SourceKinds() {}

  /**
   * The source of an option value, such as {@code http://localhost:8000/status} or {@code
   * mbean:demo:type=Status}.
   *
   * @param value as given, for the message; parsed trimmed
   * @throws IllegalArgumentException saying "'VALUE' is not ..."
   */
  public static SourceAddress fromOption(String value) {
    String trimmed = value.trim();
    for (SourceKind kind : ALL) {
      String address = kind.addressInOption(trimmed);
      if (address != null) {
        try {
          return kind.parse(address);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "'" + kind.shown(value) + "' is not " + e.getMessage() + ", " + kind.optionHint());
        }
      }
    }
    throw new IllegalArgumentException(
        "'" + HttpSource.KIND.shown(value) + "' is not " + optionForms() + optionExamples());
  }

  /** "an http:// or https:// URL, an mbean: name, or none, such as ". */
  private static String optionForms() {
    StringBuilder forms = new StringBuilder();
    for (SourceKind kind : ALL) {
      forms.append(kind.optionForm()).append(", ");
    }
    return forms.append("or none, such as ").toString();
  }

  /** "http://localhost:8000/status or mbean:demo:type=Status". */
  private static String optionExamples() {
    List<String> examples = new ArrayList<>();
    for (SourceKind kind : ALL) {
      examples.add(kind.optionExample());
    }
    return String.join(" or ", examples);
  }

  /** The address keys of all kinds, in a mapping file's source: url, mbean. */
  static List<String> addressKeys() {
    List<String> keys = new ArrayList<>();
    for (SourceKind kind : ALL) {
      keys.add(kind.key());
    }
    return keys;
  }

  /** The keys that only one kind takes: headers, ca_file, ... */
  static List<String> ownKeys() {
    List<String> keys = new ArrayList<>();
    for (SourceKind kind : ALL) {
      keys.addAll(kind.ownKeys());
    }
    return keys;
  }

  /**
   * The address of a mapping file's source: exactly one kind's key, none of another kind's own
   * keys, and this kind's own keys validated.
   */
  static SourceAddress fromFile(YamlMap source) throws ConfigException {
    SourceKind kind = null;
    for (SourceKind each : ALL) {
      if (source.has(each.key())) {
        if (kind != null) {
          throw needsOne(source);
        }
        kind = each;
      }
    }
    if (kind == null) {
      throw needsOne(source);
    }
    for (SourceKind other : ALL) {
      for (String key : other.ownKeys()) {
        if (other != kind && !kind.ownKeys().contains(key) && source.has(key)) {
          throw source.error(key, "is only for " + other.key() + " sources");
        }
      }
    }
    String text = source.requiredString(kind.key());
    SourceAddress address;
    try {
      address = kind.parse(text);
    } catch (IllegalArgumentException e) {
      throw source.error(kind.key(), "'" + kind.shown(text) + "' is not " + e.getMessage());
    }
    return kind.withSettings(address, source);
  }

  /** "needs exactly one of 'url' or 'mbean'". */
  private static ConfigException needsOne(YamlMap source) {
    List<String> quoted = new ArrayList<>();
    for (String key : addressKeys()) {
      quoted.add("'" + key + "'");
    }
    String last = quoted.remove(quoted.size() - 1);
    return source.error(
        "needs exactly one of "
            + (quoted.isEmpty() ? last : String.join(", ", quoted) + " or " + last));
  }
}
