package io.github.statusexporter.config.options;

/** An option's value and where it came from, so that a message can point at the right place. */
final class Setting {
  final String value;
  final String origin;

  Setting(String value, String origin) {
    this.value = value;
    this.origin = origin;
  }
}
