package io.github.statusexporter.config.mappingfile;

import io.github.statusexporter.config.ConfigException;
import io.github.statusexporter.config.yaml.YamlMap;
import java.util.List;

/**
 * One kind of status source: its syntax in the {@code source} option and in the mapping file, which
 * share one parse of the address, the keys of the mapping file that only it takes, and their
 * validation. A new kind is one class that implements this, and one line in {@link SourceKinds}.
 */
interface SourceKind {
  /**
   * The key of a mapping file's source that gives this kind's address: {@code url}, {@code mbean}.
   */
  String key();

  /** The other keys of a mapping file's source that only this kind takes. */
  List<String> ownKeys();

  /**
   * The address within a value of the {@code source} option ({@code demo:type=Status} in {@code
   * mbean:demo:type=Status}); null when the value is not of this kind.
   */
  String addressInOption(String value);

  /**
   * The one parse of an address, from the option and from the file alike.
   *
   * @throws IllegalArgumentException whose message says what was expected, to follow "is not": "an
   *     MBean name or pattern (...)"
   */
  SourceAddress parse(String address);

  /**
   * The address with the settings of {@link #ownKeys()} that {@code source} gives, validated.
   *
   * @throws ConfigException naming the key, its value and what was expected
   */
  SourceAddress withSettings(SourceAddress address, YamlMap source) throws ConfigException;

  /** The text of an address for a message that rejects it: a URL's secrets masked. */
  default String shown(String text) {
    return text;
  }

  /** What a {@code source} option of this kind is, for a message: "an mbean: name". */
  String optionForm();

  /** A short {@code source} option of this kind, for a message: {@code mbean:demo:type=Status}. */
  String optionExample();

  /** Said after a rejected {@code source} option of this kind: "such as ...". */
  String optionHint();
}
