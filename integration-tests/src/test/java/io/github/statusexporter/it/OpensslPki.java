package io.github.statusexporter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Certificate authorities, certificates and keys made by openssl in a directory, as an operator
 * makes them (docs/security.md). Keys come in the four shapes openssl writes: RSA and EC, PKCS#8
 * ({@code genpkey}) and traditional ({@code genrsa -traditional}, {@code ecparam -genkey}, which
 * puts an {@code EC PARAMETERS} block first).
 */
final class OpensslPki {
  /** How a key is generated, and the first line of the file openssl writes. */
  enum KeyKind {
    RSA_PKCS8("-----BEGIN PRIVATE KEY-----"),
    RSA_TRADITIONAL("-----BEGIN RSA PRIVATE KEY-----"),
    EC_PKCS8("-----BEGIN PRIVATE KEY-----"),
    EC_TRADITIONAL("-----BEGIN EC PARAMETERS-----");

    final String firstLine;

    KeyKind(String firstLine) {
      this.firstLine = firstLine;
    }
  }

  private final Path directory;
  private final Path openssl;
  private int serial = 1;

  OpensslPki(Path directory) {
    this.directory = directory;
    this.openssl = Tools.require("openssl", "openssl");
  }

  Path directory() {
    return directory;
  }

  /** A self-signed CA: {@code name.crt} and {@code name.key}. */
  Path authority(String name) throws Exception {
    run(
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-keyout",
        name + ".key",
        "-out",
        name + ".crt",
        "-days",
        "2",
        "-subj",
        "/CN=" + name);
    return directory.resolve(name + ".crt");
  }

  /** A key of that kind in {@code name.key}, checked to be in the shape openssl is known for. */
  Path key(String name, KeyKind kind) throws Exception {
    String file = name + ".key";
    switch (kind) {
      case RSA_PKCS8:
        run("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", file);
        break;
      case RSA_TRADITIONAL:
        run("genrsa", "-traditional", "-out", file, "2048");
        break;
      case EC_PKCS8:
        run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", file);
        break;
      default:
        run("ecparam", "-name", "prime256v1", "-genkey", "-out", file);
    }
    Path key = directory.resolve(file);
    assertThat(Files.readAllLines(key, StandardCharsets.US_ASCII).get(0)).isEqualTo(kind.firstLine);
    return key;
  }

  /**
   * {@code name.crt} for the key {@code name.key}, signed by the CA {@code authority}: a server
   * certificate for localhost and 127.0.0.1, or a client certificate.
   */
  Path certificate(String name, String authority, boolean server) throws Exception {
    Path extensions = request(name, server);
    run(
        "x509",
        "-req",
        "-in",
        name + ".csr",
        "-CA",
        authority + ".crt",
        "-CAkey",
        authority + ".key",
        "-set_serial",
        String.valueOf(++serial),
        "-days",
        "2",
        "-extfile",
        extensions.toString(),
        "-out",
        name + ".crt");
    return directory.resolve(name + ".crt");
  }

  /**
   * {@code name.crt} for the key {@code name.key}, a server certificate signed by the CA {@code
   * authority} and valid from {@code notBefore} until {@code notAfter} (whole seconds): one that
   * has expired, or is not valid yet. {@code openssl x509} counts days from now only, so this is
   * {@code openssl ca}, which takes dates, with a database of its own.
   */
  Path serverCertificate(String name, String authority, Instant notBefore, Instant notAfter)
      throws Exception {
    Path extensions = request(name, true);
    Path database = Files.createDirectories(directory.resolve("ca-database"));
    Path config = database.resolve("ca.cnf");
    if (!Files.exists(config)) {
      Files.writeString(database.resolve("index.txt"), "");
      Files.writeString(
          config,
          "[ca]\ndefault_ca = dated\n[dated]\ndatabase = ca-database/index.txt\n"
              + "serial = ca-database/serial\nnew_certs_dir = ca-database\ndefault_md = sha256\n"
              + "policy = any\nunique_subject = no\n[any]\ncommonName = supplied\n");
    }
    DateTimeFormatter openssl =
        DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
    run(
        "ca",
        "-batch",
        "-config",
        config.toString(),
        "-cert",
        authority + ".crt",
        "-keyfile",
        authority + ".key",
        "-in",
        name + ".csr",
        "-rand_serial",
        "-startdate",
        openssl.format(notBefore),
        "-enddate",
        openssl.format(notAfter),
        "-extfile",
        extensions.toString(),
        "-notext",
        "-out",
        name + ".crt");
    return directory.resolve(name + ".crt");
  }

  /** The request {@code name.csr} for the key {@code name.key}, and its extensions file. */
  private Path request(String name, boolean server) throws Exception {
    Path extensions = directory.resolve(name + ".ext");
    Files.writeString(
        extensions,
        server
            ? "subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\n"
                + "extendedKeyUsage=serverAuth\n"
            : "basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\n");
    run("req", "-new", "-key", name + ".key", "-subj", "/CN=" + name, "-out", name + ".csr");
    return extensions;
  }

  /** Copies {@code from} over {@code to} in one step, as configuration managers replace files. */
  void replace(String from, String to) throws Exception {
    Path temporary = directory.resolve(to + ".new");
    Files.copy(directory.resolve(from), temporary, StandardCopyOption.REPLACE_EXISTING);
    Files.move(
        temporary,
        directory.resolve(to),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  private void run(String... arguments) throws Exception {
    Tools.check(directory, openssl, arguments);
  }
}
