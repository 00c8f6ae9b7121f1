package io.github.statusexporter.config.jmxexporter;

import io.github.statusexporter.config.ConfigException;
import io.github.statusexporter.config.yaml.YamlFiles;
import io.github.statusexporter.config.yaml.YamlMap;
import java.nio.file.Path;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The authentication and TLS of jmx_exporter's {@code httpServer} section, which the agent's
 * metrics server takes over. Read once, when the server starts, as jmx_exporter reads them.
 */
public final class HttpServerSecurity {
  private final String where;
  private final BasicAuthSettings basicAuth;
  private final KeyStoreSettings keyStore;

  HttpServerSecurity(String where, BasicAuthSettings basicAuth, KeyStoreSettings keyStore) {
    this.where = where;
    this.basicAuth = basicAuth;
    this.keyStore = keyStore;
  }

  /**
   * The security a jmx_exporter file asks for; empty when it asks for none, or when it is YAML but
   * not a mapping (loading its rules says why).
   *
   * @throws ConfigException when the file cannot be read as YAML (missing, unreadable, too large,
   *     not YAML: what it asks for cannot be known, and jmx_exporter would not serve either), or
   *     when {@code httpServer.authentication} or {@code httpServer.ssl} is not as jmx_exporter
   *     requires: the server must not start without what the file protects
   */
  public static Optional<HttpServerSecurity> load(Path file) throws ConfigException {
    Optional<Node> document = YamlFiles.composeDocument(file);
    if (document.isEmpty() || !(document.get() instanceof MappingNode)) {
      return Optional.empty();
    }
    return HttpServerKeys.security(new YamlMap(file.toString(), "", document.get(), null));
  }

  /** Where the section is, for messages: {@code /etc/jmx.yaml:4: httpServer}. */
  public String where() {
    return where;
  }

  /** {@code httpServer.authentication.basic}; empty for no password. */
  public Optional<BasicAuthSettings> basicAuth() {
    return Optional.ofNullable(basicAuth);
  }

  /** {@code httpServer.ssl}; empty for plain HTTP. */
  public Optional<KeyStoreSettings> keyStore() {
    return Optional.ofNullable(keyStore);
  }
}
