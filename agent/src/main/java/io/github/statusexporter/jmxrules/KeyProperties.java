package io.github.statusexporter.jmxrules;

import java.util.LinkedHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;

/**
 * An MBean name's key properties in the order they were written when it was created (which {@link
 * ObjectName#getKeyPropertyList()} loses), values raw, quotes kept: what jmx_exporter's names,
 * labels and pattern input are made of. Its own expression, so that odd names part the same way.
 */
final class KeyProperties {
  private static final Pattern PROPERTY =
      Pattern.compile("([^,=:\\*\\?]+)=(\"(?:[^\\\\\"]*(?:\\\\.)?)*\"|[^,=:\"]*)");

  private KeyProperties() {}

  static LinkedHashMap<String, String> of(ObjectName name) {
    LinkedHashMap<String, String> properties = new LinkedHashMap<>();
    String rest = name.getKeyPropertyListString();
    Matcher matcher = PROPERTY.matcher(rest);
    while (matcher.lookingAt()) {
      properties.put(matcher.group(1), matcher.group(2));
      rest = rest.substring(matcher.end());
      if (rest.startsWith(",")) {
        rest = rest.substring(1);
      }
      matcher.reset(rest);
    }
    return properties;
  }
}
