package io.github.statusexporter.server;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The server's certificate and key from {@link TlsFiles}: each handshake gets the current ones, so
 * files replaced on disk are served without a restart. The choice by key type is the JDK's own key
 * manager's; each generation of the files has its own alias, so a handshake that straddles a reload
 * still gets a certificate and key that belong together.
 */
final class ReloadingKeyManager extends X509ExtendedKeyManager {
  private final TlsFiles files;

  ReloadingKeyManager(TlsFiles files) {
    this.files = files;
  }

  @Override
  public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
    return files.current().keys.chooseEngineServerAlias(keyType, issuers, engine);
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return files.current().keys.chooseServerAlias(keyType, issuers, socket);
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    return files.current().keys.getServerAliases(keyType, issuers);
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    TlsFiles.Material material = files.withAlias(alias);
    return material == null ? null : material.keys.getCertificateChain(alias);
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    TlsFiles.Material material = files.withAlias(alias);
    return material == null ? null : material.keys.getPrivateKey(alias);
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return null;
  }

  @Override
  public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
    return null;
  }

  @Override
  public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
    return null;
  }
}
