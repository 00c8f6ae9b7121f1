package io.github.statusexporter.server;

import io.github.statusexporter.config.ConfigException;
import io.github.statusexporter.config.jmxexporter.KeyStoreSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Properties;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The TLS of jmx_exporter's {@code httpServer.ssl}, as its SSLContextFactory (1.0.1) makes it: a
 * keystore of the JVM's default type ({@code KeyStore.getDefaultType()}, which reads PKCS12 and
 * JKS), opened with its password, of which only the entry {@code certificate.alias} is served, its
 * key recovered with the same password. Read once, at start, as jmx_exporter does.
 */
final class KeyStoreTls {
  final SSLContext context;

  /** The certificate served, for its expiry date. */
  final X509Certificate certificate;

  /** The keystore file, as the expiry metric names it. */
  final String file;

  private KeyStoreTls(SSLContext context, X509Certificate certificate, String file) {
    this.context = context;
    this.certificate = certificate;
    this.file = file;
  }

  /**
   * @param system where a filename or password the file leaves out is found, as in jmx_exporter
   * @throws ConfigException naming the key whose keystore, password or alias cannot be used
   */
  static KeyStoreTls load(KeyStoreSettings settings, Properties system) throws ConfigException {
    String file =
        settings
            .filename()
            .orElseGet(() -> system.getProperty(KeyStoreSettings.KEY_STORE_PROPERTY));
    if (file == null) {
      throw new ConfigException(
          settings.filenameWhere()
              + ": is required, unless -D"
              + KeyStoreSettings.KEY_STORE_PROPERTY
              + " names the keystore");
    }
    String password =
        settings
            .password()
            .orElseGet(() -> system.getProperty(KeyStoreSettings.KEY_STORE_PASSWORD_PROPERTY));
    if (password == null) {
      throw new ConfigException(
          settings.passwordWhere()
              + ": is required, unless -D"
              + KeyStoreSettings.KEY_STORE_PASSWORD_PROPERTY
              + " gives the keystore's password");
    }
    KeyStore keyStore = read(settings, file, password.toCharArray());
    String alias = settings.alias();
    try {
      for (String other : Collections.list(keyStore.aliases())) {
        if (!other.equals(alias)) {
          keyStore.deleteEntry(other); // in memory only: the file is not written
        }
      }
      if (!keyStore.containsAlias(alias)) {
        throw new ConfigException(
            settings.aliasWhere() + ": '" + alias + "' is not an entry of the keystore " + file);
      }
      Certificate certificate = keyStore.getCertificate(alias);
      if (!keyStore.isKeyEntry(alias) || !(certificate instanceof X509Certificate)) {
        throw new ConfigException(
            settings.aliasWhere()
                + ": '"
                + alias
                + "' of the keystore "
                + file
                + " is not a certificate with its private key");
      }
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(keyStore, password.toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return new KeyStoreTls(context, (X509Certificate) certificate, file);
    } catch (GeneralSecurityException e) {
      throw new ConfigException(
          settings.aliasWhere()
              + ": the key of '"
              + alias
              + "' in the keystore "
              + file
              + " cannot be used ("
              + e.getMessage()
              + "); its password must be the keystore's, as jmx_exporter requires");
    }
  }

  private static KeyStore read(KeyStoreSettings settings, String file, char[] password)
      throws ConfigException {
    try (InputStream in = Files.newInputStream(Paths.get(file))) {
      KeyStore keyStore = KeyStore.getInstance(KeyStore.getDefaultType());
      keyStore.load(in, password);
      return keyStore;
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new ConfigException(
          settings.filenameWhere()
              + ": cannot read the keystore "
              + file
              + " with its password ("
              + e
              + ")");
    }
  }
}
