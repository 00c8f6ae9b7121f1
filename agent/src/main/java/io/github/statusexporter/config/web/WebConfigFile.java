package io.github.statusexporter.config.web;

import io.github.statusexporter.config.ConfigException;
import io.github.statusexporter.config.yaml.YamlFiles;
import io.github.statusexporter.config.yaml.YamlMap;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads the {@code web-config} file: the format of Prometheus' exporter-toolkit ({@code
 * tls_server_config}, {@code basic_auth_users}, {@code http_server_config.headers}), with its
 * defaults and checks. Certificate and key files are only named here; the server reads them.
 */
public final class WebConfigFile {
  private static final Set<String> ROOT_KEYS =
      ordered("tls_server_config", "http_server_config", "basic_auth_users");
  private static final Set<String> TLS_KEYS =
      ordered(
          "cert_file",
          "key_file",
          "client_auth_type",
          "client_ca_file",
          "min_version",
          "max_version",
          "cipher_suites",
          "prefer_server_cipher_suites");
  private static final Set<String> HTTP_KEYS = ordered("headers", "http2");

  /** exporter-toolkit settings this agent does not implement, and what to do instead. */
  private static final Map<String, String> UNSUPPORTED_ROOT_KEYS =
      Map.of(
          "rate_limit",
          "is not supported by status-exporter, which answers more than "
              + "32 scrapes at once with 503 anyway; remove it");

  private static final Map<String, String> UNSUPPORTED_TLS_KEYS =
      Map.of(
          "cert", "inline PEM is not supported; put the certificate in a file named by cert_file",
          "key", "inline PEM is not supported; put the key in a file named by key_file",
          "client_ca", "inline PEM is not supported; put the CA in a file named by client_ca_file",
          "client_allowed_sans",
              "is not supported by status-exporter; use a client CA that signs only the"
                  + " certificates of the allowed scrapers",
          "curve_preferences",
              "is not supported by status-exporter (Java 11 has no curve choice per server);"
                  + " set the JVM's jdk.tls.namedGroups instead");

  /** exporter-toolkit's TLS version names, oldest first, to Java's. */
  private static final Map<String, String> TLS_VERSIONS = new LinkedHashMap<>();

  static {
    TLS_VERSIONS.put("TLS10", "TLSv1");
    TLS_VERSIONS.put("TLS11", "TLSv1.1");
    TLS_VERSIONS.put("TLS12", "TLSv1.2");
    TLS_VERSIONS.put("TLS13", "TLSv1.3");
  }

  /**
   * The cipher suites exporter-toolkit accepts: those of Go's {@code tls.CipherSuites()}, which
   * leaves out the insecure ones. Go names them by their IANA names, as Java does, so each name is
   * also the Java name. The TLS 1.3 suites are accepted but, as in Go, not configurable.
   */
  private static final Set<String> GO_CIPHER_SUITES =
      ordered(
          "TLS_RSA_WITH_AES_128_CBC_SHA",
          "TLS_RSA_WITH_AES_256_CBC_SHA",
          "TLS_RSA_WITH_AES_128_GCM_SHA256",
          "TLS_RSA_WITH_AES_256_GCM_SHA384",
          "TLS_AES_128_GCM_SHA256",
          "TLS_AES_256_GCM_SHA384",
          "TLS_CHACHA20_POLY1305_SHA256",
          "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
          "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
          "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
          "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
          "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
          "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");

  /**
   * The headers exporter-toolkit lets a file set, each with its allowed values (empty: any value).
   */
  private static final Map<String, List<String>> HEADERS = new LinkedHashMap<>();

  static {
    HEADERS.put("Strict-Transport-Security", List.of());
    HEADERS.put("X-Content-Type-Options", List.of("nosniff"));
    HEADERS.put("X-Frame-Options", List.of("deny", "sameorigin"));
    HEADERS.put("X-XSS-Protection", List.of());
    HEADERS.put("Content-Security-Policy", List.of());
  }

  private static final Pattern HEADER_VALUE = Pattern.compile("[^\\x00-\\x08\\x0A-\\x1F\\x7F]*");

  /** What {@code htpasswd -nBC 10} writes: version 2y (or 2a, 2b), cost 04 to 31, salt and hash. */
  private static final Pattern BCRYPT =
      Pattern.compile("\\$2[aby]\\$(0[4-9]|[12][0-9]|3[01])\\$[./A-Za-z0-9]{53}");

  private static final String MAKE_A_HASH = "make one with: htpasswd -nBC 10 \"\" | tr -d ':\\n'";

  private final Path directory;

  private WebConfigFile(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    this.directory = parent != null ? parent : Paths.get("");
  }

  /**
   * @throws ConfigException naming the file, line and key of the first problem
   */
  public static WebConfig load(Path file, Map<String, String> environment) throws ConfigException {
    return new WebConfigFile(file).read(file, environment);
  }

  private WebConfig read(Path file, Map<String, String> environment) throws ConfigException {
    String name = file.toString();
    Node root = YamlFiles.compose(file, "is empty; it needs tls_server_config or basic_auth_users");
    YamlMap document = new YamlMap(name, "", root, environment);
    rejectUnsupported(document, ROOT_KEYS, UNSUPPORTED_ROOT_KEYS);
    TlsSettings tls =
        document.has("tls_server_config") ? tls(document.map("tls_server_config")) : null;
    Map<String, String> headers = new LinkedHashMap<>();
    if (document.has("http_server_config")) {
      YamlMap http = document.map("http_server_config");
      rejectUnsupported(http, HTTP_KEYS, Map.of());
      if (http.has("http2")) {
        // The JDK server speaks HTTP/1.1 only, which both values allow.
        bool(http, "http2", true);
      }
      headers = headers(http);
    }
    Map<String, String> users =
        document.has("basic_auth_users") ? users(document.map("basic_auth_users")) : Map.of();
    return new WebConfig(name, tls, users, headers);
  }

  private TlsSettings tls(YamlMap tls) throws ConfigException {
    rejectUnsupported(tls, TLS_KEYS, UNSUPPORTED_TLS_KEYS);
    Map<String, String> locations = new HashMap<>();
    for (String key : TLS_KEYS) {
      locations.put(key, tls.where(key));
    }
    Path certFile = file(tls, "cert_file", true);
    Path keyFile = file(tls, "key_file", true);
    ClientAuth clientAuth = ClientAuth.NO_CLIENT_CERT;
    if (tls.has("client_auth_type")) {
      String text = tls.string("client_auth_type");
      clientAuth = ClientAuth.named(text);
      if (clientAuth == null) {
        throw tls.error(
            "client_auth_type", "'" + text + "' is not one of " + ClientAuth.knownKeys());
      }
    }
    Path clientCaFile = file(tls, "client_ca_file", false);
    if (clientCaFile != null && !clientAuth.requests()) {
      throw tls.error(
          "client_ca_file",
          "is set, but client_auth_type is NoClientCert, so no client certificate is asked for;"
              + " set client_auth_type: RequireAndVerifyClientCert");
    }
    if (clientCaFile == null && clientAuth.verifies()) {
      throw tls.error(
          "client_ca_file",
          "is required with client_auth_type "
              + clientAuth.key()
              + ": the CA that signs the scrapers' certificates");
    }
    int min = version(tls, "min_version", "TLS12");
    int max = version(tls, "max_version", "TLS13");
    if (min > max) {
      throw tls.error("max_version", "is older than min_version");
    }
    List<String> protocols = new ArrayList<>(TLS_VERSIONS.values()).subList(min, max + 1);
    List<String> cipherSuites = tls.strings("cipher_suites");
    for (String suite : cipherSuites) {
      if (!GO_CIPHER_SUITES.contains(suite)) {
        throw tls.error(
            "cipher_suites",
            "'"
                + suite
                + "' is not a cipher suite exporter-toolkit accepts, such as"
                + " TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 (Go's tls.CipherSuites())");
      }
    }
    boolean preferServer = bool(tls, "prefer_server_cipher_suites", true);
    return new TlsSettings(
        certFile,
        keyFile,
        clientAuth,
        clientCaFile,
        protocols,
        cipherSuites,
        preferServer,
        locations);
  }

  /** A file path, relative ones resolved against the web-config file's directory as Go does. */
  private Path file(YamlMap map, String key, boolean required) throws ConfigException {
    if (!map.has(key)) {
      if (required) {
        throw map.error(key, "is required: the path of a PEM file");
      }
      return null;
    }
    String text = map.string(key);
    try {
      if (!text.isBlank()) {
        return directory.resolve(text.trim());
      }
    } catch (InvalidPathException e) {
      // reported below
    }
    throw map.error(key, "'" + text + "' is not a file path");
  }

  private static int version(YamlMap tls, String key, String defaultVersion)
      throws ConfigException {
    String text = tls.has(key) ? tls.string(key) : defaultVersion;
    int index = new ArrayList<>(TLS_VERSIONS.keySet()).indexOf(text);
    if (index < 0) {
      throw tls.error(
          key, "'" + text + "' is not one of " + String.join(", ", TLS_VERSIONS.keySet()));
    }
    return index;
  }

  private static boolean bool(YamlMap map, String key, boolean defaultValue)
      throws ConfigException {
    if (!map.has(key)) {
      return defaultValue;
    }
    String text = map.string(key);
    if (text.equals("true") || text.equals("false")) {
      return text.equals("true");
    }
    throw map.error(key, "'" + text + "' is not true or false");
  }

  private static Map<String, String> headers(YamlMap http) throws ConfigException {
    Map<String, String> headers = new LinkedHashMap<>();
    for (Map.Entry<String, String> header : http.stringMap("headers").entrySet()) {
      String name = header.getKey();
      String value = header.getValue();
      List<String> allowed = HEADERS.get(name);
      if (allowed == null) {
        throw http.error(
            "headers",
            "'"
                + name
                + "' cannot be set; exporter-toolkit allows "
                + String.join(", ", HEADERS.keySet()));
      }
      if (!allowed.isEmpty() && !allowed.contains(value)) {
        throw http.error(
            "headers", name + ": '" + value + "' is not " + String.join(" or ", allowed));
      }
      if (!HEADER_VALUE.matcher(value).matches()) {
        throw http.error("headers", name + " has a line break or control character in its value");
      }
      if (!value.isBlank()) {
        headers.put(name, value);
      }
    }
    return headers;
  }

  private static Map<String, String> users(YamlMap users) throws ConfigException {
    Map<String, String> hashes = new LinkedHashMap<>();
    for (String user : users.keys()) {
      if (user.indexOf(':') >= 0) {
        throw users.error(
            user, "a user name cannot hold a colon: basic authentication could never send it");
      }
      String hash = users.string(user);
      // The value is not quoted in the message: it is a password hash.
      if (hash == null || !BCRYPT.matcher(hash).matches()) {
        throw users.error(user, "is not a bcrypt hash ($2y$, $2a$ or $2b$); " + MAKE_A_HASH);
      }
      hashes.put(user, hash);
    }
    return hashes;
  }

  /** Fails on an unknown key, and on a known exporter-toolkit key this agent does not implement. */
  private static void rejectUnsupported(
      YamlMap map, Set<String> supported, Map<String, String> unsupported) throws ConfigException {
    for (Map.Entry<String, String> key : unsupported.entrySet()) {
      if (map.has(key.getKey())) {
        throw map.error(key.getKey(), key.getValue());
      }
    }
    map.allowOnly(supported);
  }

  private static Set<String> ordered(String... keys) {
    return new LinkedHashSet<>(List.of(keys));
  }
}
