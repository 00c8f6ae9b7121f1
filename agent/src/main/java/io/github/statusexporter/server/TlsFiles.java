package io.github.statusexporter.server;

import io.github.statusexporter.config.ConfigException;
import io.github.statusexporter.config.web.TlsSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The certificate, key and client CA files of {@code tls_server_config}, read again when they
 * change on disk. A handshake asks for the {@link #current()} material; at most once a second that
 * looks at the files' modification time, size and identity, and reads them only when those changed.
 * A replacement that cannot be used leaves the last good material in use and is reported once. A
 * server certificate that has expired or is not valid yet is told once: at start, when it is
 * rotated in, or when it expires while served.
 */
final class TlsFiles {
  /** A handshake looks at the files at most this often. */
  static final long CHECK_INTERVAL_NANOS = 1_000_000_000L;

  /** Larger files are refused: certificates and keys are a few kilobytes. */
  private static final long MAX_BYTES = 1024 * 1024;

  private static final char[] KEYSTORE_PASSWORD = "status-exporter".toCharArray();

  private final TlsSettings settings;
  private final Consumer<String> log;
  private final List<Path> paths;
  private final ReentrantLock checking = new ReentrantLock();
  private final Supplier<Instant> clock;

  private volatile Material current;
  private volatile Material previous;
  private volatile long nextCheck;
  private List<Object> lastStamps;
  private int generation;

  /** The material whose dates were last told, and what was told: each problem is told once. */
  private Material toldMaterial;

  private String toldWarning;

  /**
   * Reads the files once, for the server's start: here, not in {@link WebSecurity}, so that a
   * server without TLS loads no class of it, its exception's included.
   *
   * @throws ConfigException naming the file's key, when they cannot be used
   */
  static TlsFiles read(TlsSettings settings, Consumer<String> log) throws ConfigException {
    try {
      return new TlsFiles(settings, log);
    } catch (TlsFileException e) {
      throw new ConfigException(settings.where(e.key()) + ": " + e.getMessage());
    }
  }

  /**
   * Reads the files once.
   *
   * @throws TlsFileException when they cannot be used: the server must not start
   */
  TlsFiles(TlsSettings settings, Consumer<String> log) throws TlsFileException {
    this(settings, log, Instant::now);
  }

  /**
   * @param clock the time certificates' dates are checked against
   */
  TlsFiles(TlsSettings settings, Consumer<String> log, Supplier<Instant> clock)
      throws TlsFileException {
    this.settings = settings;
    this.log = log;
    this.clock = clock;
    List<Path> files = new ArrayList<>(List.of(settings.certFile(), settings.keyFile()));
    settings.clientCaFile().ifPresent(files::add);
    this.paths = List.copyOf(files);
    lastStamps = stamps();
    current = load(read());
    warnOnceIfOutOfDates();
    nextCheck = System.nanoTime() + CHECK_INTERVAL_NANOS;
  }

  /** The material to use now, after a look at the files if one is due. Never throws. */
  Material current() {
    if (System.nanoTime() - nextCheck >= 0 && checking.tryLock()) {
      try {
        nextCheck = System.nanoTime() + CHECK_INTERVAL_NANOS;
        reloadIfChanged();
        warnOnceIfOutOfDates();
      } catch (RuntimeException e) {
        log.accept("TLS files not reloaded: " + e + "; the last good certificate stays in use");
      } finally {
        checking.unlock();
      }
    }
    return current;
  }

  /** The material that chose {@code alias}: the current one, or its predecessor mid-handshake. */
  Material withAlias(String alias) {
    Material now = current;
    if (now.alias.equals(alias)) {
      return now;
    }
    Material before = previous;
    return before != null && before.alias.equals(alias) ? before : null;
  }

  /** Looks at the files now, whatever the interval; for tests. */
  void checkNow() {
    nextCheck = System.nanoTime();
    current();
  }

  private void reloadIfChanged() {
    List<Object> stamps = stamps();
    if (stamps.equals(lastStamps)) {
      return;
    }
    lastStamps = stamps;
    try {
      List<byte[]> contents = read();
      if (current.sameContents(contents)) {
        return;
      }
      Material loaded = load(contents);
      previous = current;
      current = loaded;
      X509Certificate certificate = loaded.chain[0];
      log.accept(
          "TLS certificate reloaded from "
              + settings.certFile()
              + ": "
              + certificate.getSubjectX500Principal().getName()
              + ", valid until "
              + certificate.getNotAfter().toInstant());
    } catch (TlsFileException e) {
      log.accept(
          "TLS files not reloaded: "
              + settings.where(e.key())
              + ": "
              + e.getMessage()
              + "; the last good certificate stays in use");
    }
  }

  private void warnOnceIfOutOfDates() {
    Material material = current;
    String warning = CertificateDates.warning(settings.certFile(), material.chain[0], clock.get());
    if (warning != null && (material != toldMaterial || !warning.equals(toldWarning))) {
      log.accept(warning);
      toldMaterial = material;
      toldWarning = warning;
    }
  }

  /** What identifies each file's version without reading it: time, size and file identity. */
  private List<Object> stamps() {
    List<Object> stamps = new ArrayList<>();
    for (Path path : paths) {
      try {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        stamps.add(
            Arrays.asList(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey()));
      } catch (IOException e) {
        stamps.add(e.getClass().getName());
      }
    }
    return stamps;
  }

  private List<byte[]> read() throws TlsFileException {
    List<byte[]> contents = new ArrayList<>();
    contents.add(read(settings.certFile(), "cert_file"));
    contents.add(read(settings.keyFile(), "key_file"));
    if (settings.clientCaFile().isPresent()) {
      contents.add(read(settings.clientCaFile().get(), "client_ca_file"));
    }
    return contents;
  }

  private static byte[] read(Path path, String key) throws TlsFileException {
    try {
      if (!Files.isRegularFile(path)) {
        throw new TlsFileException(
            key,
            "'"
                + path
                + "' "
                + (Files.exists(path) ? "is not a regular file" : "does not exist")
                + "; name a PEM file the JVM's user can read");
      }
      if (Files.size(path) > MAX_BYTES) {
        throw new TlsFileException(key, "'" + path + "' is larger than " + MAX_BYTES + " bytes");
      }
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new TlsFileException(
          key,
          "'"
              + path
              + "' cannot be read ("
              + e.getClass().getSimpleName()
              + "); name a PEM file the JVM's user can read");
    }
  }

  private Material load(List<byte[]> contents) throws TlsFileException {
    List<X509Certificate> chain = PemFiles.certificates(contents.get(0), "cert_file");
    PrivateKey key = PemFiles.privateKey(contents.get(1), "key_file");
    PemFiles.checkPair(key, chain.get(0));
    List<X509Certificate> clientCas =
        contents.size() > 2 ? PemFiles.certificates(contents.get(2), "client_ca_file") : List.of();
    String alias = "status-exporter-" + ++generation;
    try {
      return new Material(
          alias,
          contents,
          chain.toArray(new X509Certificate[0]),
          keyManager(alias, key, chain),
          clientCas.toArray(new X509Certificate[0]),
          clientCas.isEmpty() ? null : trustManager(clientCas));
    } catch (GeneralSecurityException | IOException e) {
      throw new TlsFileException(
          "cert_file", "cannot be used by this JVM's TLS (" + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * SunX509, whose aliases are the key store's own, which {@link #withAlias} looks for; PKIX (a
   * JVM's default when hardened) would name them "1.0.alias". Any other JVM's default otherwise.
   */
  private static KeyManagerFactory keyManagerFactory() throws GeneralSecurityException {
    try {
      return KeyManagerFactory.getInstance("SunX509");
    } catch (GeneralSecurityException e) {
      return KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    }
  }

  private static X509ExtendedKeyManager keyManager(
      String alias, PrivateKey key, List<X509Certificate> chain)
      throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry(alias, key, KEYSTORE_PASSWORD, chain.toArray(new X509Certificate[0]));
    KeyManagerFactory factory = keyManagerFactory();
    factory.init(store, KEYSTORE_PASSWORD);
    for (KeyManager manager : factory.getKeyManagers()) {
      if (manager instanceof X509ExtendedKeyManager) {
        return (X509ExtendedKeyManager) manager;
      }
    }
    throw new GeneralSecurityException("no X509ExtendedKeyManager");
  }

  private static X509ExtendedTrustManager trustManager(List<X509Certificate> cas)
      throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    for (int i = 0; i < cas.size(); i++) {
      store.setCertificateEntry("client-ca-" + i, cas.get(i));
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509ExtendedTrustManager) {
        return (X509ExtendedTrustManager) manager;
      }
    }
    throw new GeneralSecurityException("no X509ExtendedTrustManager");
  }

  /** One generation of the files, read and checked: what a handshake uses. */
  static final class Material {
    final String alias;
    private final List<byte[]> contents;
    final X509Certificate[] chain;
    final X509ExtendedKeyManager keys;
    final X509Certificate[] clientCas;

    /** Checks client certificates against the client CAs; null without a client CA file. */
    final X509ExtendedTrustManager clientTrust;

    Material(
        String alias,
        List<byte[]> contents,
        X509Certificate[] chain,
        X509ExtendedKeyManager keys,
        X509Certificate[] clientCas,
        X509ExtendedTrustManager clientTrust) {
      this.alias = alias;
      this.contents = contents;
      this.chain = chain;
      this.keys = keys;
      this.clientCas = clientCas;
      this.clientTrust = clientTrust;
    }

    boolean sameContents(List<byte[]> other) {
      if (other.size() != contents.size()) {
        return false;
      }
      for (int i = 0; i < other.size(); i++) {
        if (!Arrays.equals(other.get(i), contents.get(i))) {
          return false;
        }
      }
      return true;
    }
  }
}
