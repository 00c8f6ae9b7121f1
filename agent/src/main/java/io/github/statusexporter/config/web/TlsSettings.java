package io.github.statusexporter.config.web;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code tls_server_config} of a web configuration file, checked for syntax. */
public final class TlsSettings {
  private final Path certFile;
  private final Path keyFile;
  private final ClientAuth clientAuth;
  private final Path clientCaFile;
  private final List<String> protocols;
  private final List<String> cipherSuites;
  private final boolean preferServerCipherSuites;
  private final Map<String, String> locations;

  TlsSettings(
      Path certFile,
      Path keyFile,
      ClientAuth clientAuth,
      Path clientCaFile,
      List<String> protocols,
      List<String> cipherSuites,
      boolean preferServerCipherSuites,
      Map<String, String> locations) {
    this.certFile = certFile;
    this.keyFile = keyFile;
    this.clientAuth = clientAuth;
    this.clientCaFile = clientCaFile;
    this.protocols = List.copyOf(protocols);
    this.cipherSuites = List.copyOf(cipherSuites);
    this.preferServerCipherSuites = preferServerCipherSuites;
    this.locations = Map.copyOf(locations);
  }

  /** The server's certificate, followed by any intermediates, in PEM. */
  public Path certFile() {
    return certFile;
  }

  /** The server's private key in PEM: PKCS#8 or traditional, RSA or EC. */
  public Path keyFile() {
    return keyFile;
  }

  public ClientAuth clientAuth() {
    return clientAuth;
  }

  /** The CA certificates that client certificates are checked against, in PEM. */
  public Optional<Path> clientCaFile() {
    return Optional.ofNullable(clientCaFile);
  }

  /** The TLS versions allowed, as Java names ({@code TLSv1.2}, {@code TLSv1.3}), oldest first. */
  public List<String> protocols() {
    return protocols;
  }

  /** TLS 1.2 cipher suites in order of preference, as Java names; empty for the JVM's defaults. */
  public List<String> cipherSuites() {
    return cipherSuites;
  }

  /** Whether the server's order of cipher suites wins over the client's. */
  public boolean preferServerCipherSuites() {
    return preferServerCipherSuites;
  }

  /**
   * Where a key of {@code tls_server_config} is set, for messages: {@code /etc/web-config.yml:3:
   * tls_server_config.key_file}.
   */
  public String where(String key) {
    String location = locations.get(key);
    return location != null ? location : "tls_server_config." + key;
  }
}
