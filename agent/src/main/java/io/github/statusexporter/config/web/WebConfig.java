package io.github.statusexporter.config.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How the metrics server is secured: the {@code web-config} file in the format of Prometheus'
 * exporter-toolkit, so the file that secures node_exporter secures this agent too.
 */
public final class WebConfig {
  private final String file;
  private final TlsSettings tls;
  private final Map<String, String> basicAuthUsers;
  private final Map<String, String> headers;

  WebConfig(
      String file,
      TlsSettings tls,
      Map<String, String> basicAuthUsers,
      Map<String, String> headers) {
    this.file = file;
    this.tls = tls;
    this.basicAuthUsers = Collections.unmodifiableMap(new LinkedHashMap<>(basicAuthUsers));
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** The file it was read from. */
  public String file() {
    return file;
  }

  /** TLS settings; empty to serve plain HTTP. */
  public Optional<TlsSettings> tls() {
    return Optional.ofNullable(tls);
  }

  /** User names to their bcrypt hashes, in file order; empty when no password is required. */
  public Map<String, String> basicAuthUsers() {
    return basicAuthUsers;
  }

  /** Headers added to every response, such as {@code Strict-Transport-Security}. */
  public Map<String, String> headers() {
    return headers;
  }
}
