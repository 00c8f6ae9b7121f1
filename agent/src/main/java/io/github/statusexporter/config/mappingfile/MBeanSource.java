package io.github.statusexporter.config.mappingfile;

import io.github.statusexporter.config.ConfigException;
import io.github.statusexporter.config.yaml.YamlMap;
import io.github.statusexporter.source.KeyPropertyLabels;
import io.github.statusexporter.source.MBeanStatusSource;
import io.github.statusexporter.source.StatusSource;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * The attributes of an MBean, or of every MBean a pattern matches, in the platform MBean server:
 * {@code source=mbean:demo:type=Status}, or {@code mbean:} in the mapping file with the key only it
 * takes, {@code key_properties}.
 */
public final class MBeanSource implements SourceAddress {
  static final SourceKind KIND = new Kind();

  public static final String OPTION_PREFIX = "mbean:";
  private static final String KEY_PROPERTIES = "key_properties";

  /**
   * What ObjectName allows in a key, and no quotes, line breaks or other control characters.
   * Compiled only for key properties: every source option makes this class known beside the
   * application's start, where a regular expression's first use bootstraps lambdas.
   */
  private static final class KeySyntax {
    private static final Pattern KEY = Pattern.compile("[^,=:*?\"\\p{Cntrl}]+");
  }

  private final ObjectName objectName;
  private final KeyPropertyLabels keyProperties;

  private MBeanSource(ObjectName objectName, KeyPropertyLabels keyProperties) {
    this.objectName = objectName;
    this.keyProperties = keyProperties;
  }

  /** The MBean's name or pattern. */
  public ObjectName objectName() {
    return objectName;
  }

  /** The key properties that label the series ({@code key_properties}); all by default. */
  public KeyPropertyLabels keyProperties() {
    return keyProperties;
  }

  @Override
  public StatusSource open(Duration timeout, String userAgent) {
    return new MBeanStatusSource(objectName, keyProperties);
  }

  @Override
  public String toString() {
    return OPTION_PREFIX + objectName;
  }

  private static final class Kind implements SourceKind {
    @Override
    public String key() {
      return "mbean";
    }

    @Override
    public List<String> ownKeys() {
      return List.of(KEY_PROPERTIES);
    }

    @Override
    public String addressInOption(String value) {
      return value.startsWith(OPTION_PREFIX) ? value.substring(OPTION_PREFIX.length()) : null;
    }

    @Override
    public SourceAddress parse(String address) {
      try {
        return new MBeanSource(new ObjectName(address), KeyPropertyLabels.ALL);
      } catch (MalformedObjectNameException e) {
        throw new IllegalArgumentException("an MBean name or pattern (" + e.getMessage() + ")");
      }
    }

    @Override
    public String optionForm() {
      return "an mbean: name";
    }

    @Override
    public String optionExample() {
      return "mbean:demo:type=Status";
    }

    @Override
    public String optionHint() {
      return "such as mbean:\"com.example:type=Pool,name=main\" (quoted for the comma)";
    }

    @Override
    public SourceAddress withSettings(SourceAddress address, YamlMap source)
        throws ConfigException {
      if (!source.has(KEY_PROPERTIES)) {
        return address;
      }
      ObjectName name = ((MBeanSource) address).objectName;
      return new MBeanSource(name, keyProperties(source, name));
    }

    /**
     * {@code [destinationName, brokerName]}: these, named as by default ({@code destination_name});
     * or {@code {queue: destinationName}}: these, under these names.
     */
    private static KeyPropertyLabels keyProperties(YamlMap source, ObjectName name)
        throws ConfigException {
      Map<String, String> keyByLabel = new LinkedHashMap<>();
      if (source.isList(KEY_PROPERTIES)) {
        for (String key : source.strings(KEY_PROPERTIES)) {
          keyProperty(source, name, key);
          label(source, KeyPropertyLabels.labelName(key), key, keyByLabel);
        }
      } else {
        for (Map.Entry<String, String> label : source.stringMap(KEY_PROPERTIES).entrySet()) {
          if (!LabelNames.isValid(label.getKey())) {
            throw source.error(
                KEY_PROPERTIES, "'" + label.getKey() + "' is not " + LabelNames.EXPECTED);
          }
          keyProperty(source, name, label.getValue());
          label(source, label.getKey(), label.getValue(), keyByLabel);
        }
      }
      if (keyByLabel.isEmpty()) {
        throw source.error(
            KEY_PROPERTIES,
            "needs at least one key property, such as [name] or {pool: name}; without the key"
                + " the series carry all of them");
      }
      return KeyPropertyLabels.chosen(keyByLabel);
    }

    private static void label(
        YamlMap source, String label, String key, Map<String, String> keyByLabel)
        throws ConfigException {
      if (keyByLabel.putIfAbsent(label, key) != null) {
        throw source.error(KEY_PROPERTIES, "label '" + label + "' is given twice");
      }
    }

    /**
     * A key of the name, or any key at all for a pattern that ends in {@code ,*}: only such a
     * pattern matches MBeans with keys it does not name.
     */
    private static void keyProperty(YamlMap source, ObjectName name, String key)
        throws ConfigException {
      if (key == null || key.isEmpty() || !KeySyntax.KEY.matcher(key).matches()) {
        throw source.error(
            KEY_PROPERTIES,
            "'"
                + key
                + "' is not a key property (a name without , = : * ? or quotes, such as"
                + " destinationName)");
      }
      if (!name.isPropertyListPattern() && !name.getKeyPropertyList().containsKey(key)) {
        throw source.error(
            KEY_PROPERTIES,
            "'"
                + key
                + "' is not a key property of "
                + name
                + " (its keys: "
                + String.join(", ", new TreeSet<>(name.getKeyPropertyList().keySet()))
                + "); only a pattern ending in ,* matches MBeans with other keys");
      }
    }
  }
}
