package io.github.statusexporter.config.options;

import io.github.statusexporter.config.ConfigException;
import io.github.statusexporter.source.Redaction;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Splits the agent argument string {@code key=value,key="value, with commas"} into keys and values.
 * Double quotes group characters, so values such as MBean names can hold commas and equals signs;
 * the quotes themselves are dropped.
 */
final class AgentArguments {
  private AgentArguments() {}

  static Map<String, String> parse(String arguments) throws ConfigException {
    Map<String, String> values = new LinkedHashMap<>();
    if (arguments == null || arguments.isBlank()) {
      return values;
    }
    StringBuilder token = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < arguments.length(); i++) {
      char c = arguments.charAt(i);
      if (c == '"') {
        quoted = !quoted;
        token.append(c);
      } else if (c == ',' && !quoted) {
        addPair(token.toString(), values);
        token.setLength(0);
      } else {
        token.append(c);
      }
    }
    if (quoted) {
      throw new ConfigException(
          "agent arguments '" + Redaction.urlsIn(arguments) + "': a double quote is not closed");
    }
    addPair(token.toString(), values);
    return values;
  }

  private static void addPair(String token, Map<String, String> values) throws ConfigException {
    if (token.isBlank()) {
      return;
    }
    int equals = token.indexOf('=');
    if (equals <= 0) {
      throw new ConfigException(
          "agent argument '" + Redaction.urlsIn(token) + "' is not of the form key=value");
    }
    String key = token.substring(0, equals).trim();
    String value = token.substring(equals + 1).trim().replace("\"", "");
    if (values.put(key, value) != null) {
      throw new ConfigException("agent argument '" + key + "' is given twice");
    }
  }
}
