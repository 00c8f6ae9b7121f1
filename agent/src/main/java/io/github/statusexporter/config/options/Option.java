package io.github.statusexporter.config.options;

import java.util.Locale;

/** The options the agent knows, each settable three ways. */
enum Option {
  PORT("port"),
  HOST("host"),
  SOURCE("source"),
  TIMEOUT("timeout"),
  MAX_SERIES("max-series"),
  CONFIG("config"),
  INSTRUMENT("instrument"),
  HISTOGRAM("histogram"),
  IGNORE_ROUTES("ignore-routes"),
  WEB_CONFIG("web-config");

  static final String PROPERTY_PREFIX = "statusexporter.";
  static final String ENV_PREFIX = "STATUS_EXPORTER_";

  private final String key;

  Option(String key) {
    this.key = key;
  }

  String key() {
    return key;
  }

  String propertyName() {
    return PROPERTY_PREFIX + key;
  }

  String envName() {
    return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  static String knownKeys() {
    StringBuilder keys = new StringBuilder();
    for (Option option : values()) {
      keys.append(keys.length() == 0 ? "" : ", ").append(option.key);
    }
    return keys.toString();
  }
}
