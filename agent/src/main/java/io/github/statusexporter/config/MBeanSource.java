package io.github.statusexporter.config;

import io.github.statusexporter.source.MBeanStatusSource;
import io.github.statusexporter.source.StatusSource;
import java.time.Duration;
import java.util.List;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * The attributes of an MBean, or of every MBean a pattern matches, in the platform MBean server:
 * {@code source=mbean:demo:type=Status}, or {@code mbean:} in the mapping file.
 */
public final class MBeanSource implements SourceAddress {
  static final SourceKind KIND = new Kind();

  private static final String OPTION_PREFIX = "mbean:";

  private final ObjectName objectName;

  private MBeanSource(ObjectName objectName) {
    this.objectName = objectName;
  }

  /** The MBean's name or pattern. */
  public ObjectName objectName() {
    return objectName;
  }

  @Override
  public StatusSource open(Duration timeout, String userAgent) {
    return new MBeanStatusSource(objectName);
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
      return List.of();
    }

    @Override
    public String addressInOption(String value) {
      return value.startsWith(OPTION_PREFIX) ? value.substring(OPTION_PREFIX.length()) : null;
    }

    @Override
    public SourceAddress parse(String address) {
      try {
        return new MBeanSource(new ObjectName(address));
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
    public SourceAddress withSettings(SourceAddress address, YamlMap source) {
      return address;
    }
  }
}
