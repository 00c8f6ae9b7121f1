package io.github.statusexporter.config;

import io.github.statusexporter.source.Redaction;
import java.net.URI;
import javax.management.ObjectName;

/** Where a status is read from: an HTTP(S) URL, or an MBean name or pattern. */
public final class SourceAddress {
  static final String MBEAN_PREFIX = "mbean:";

  private final URI uri;
  private final ObjectName objectName;

  private SourceAddress(URI uri, ObjectName objectName) {
    this.uri = uri;
    this.objectName = objectName;
  }

  static SourceAddress http(URI uri) {
    return new SourceAddress(uri, null);
  }

  static SourceAddress mbean(ObjectName objectName) {
    return new SourceAddress(null, objectName);
  }

  public boolean isMBean() {
    return objectName != null;
  }

  /** The URL of an HTTP source; null for an MBean source. */
  public URI uri() {
    return uri;
  }

  /** The name or pattern of an MBean source; null for an HTTP source. */
  public ObjectName objectName() {
    return objectName;
  }

  /** The address for a log line: a URL's user info and query values masked. */
  @Override
  public String toString() {
    return isMBean() ? MBEAN_PREFIX + objectName : Redaction.url(uri);
  }
}
