package io.github.statusexporter.server;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.statusexporter.config.ConfigException;
import io.github.statusexporter.config.jmxexporter.HttpServerSecurity;
import io.github.statusexporter.config.web.ClientAuth;
import io.github.statusexporter.config.web.TlsSettings;
import io.github.statusexporter.config.web.WebConfig;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * TLS, basic authentication and extra headers of the metrics server, from a {@link WebConfig} or
 * from the {@code httpServer} section of a jmx_exporter file. Everything is read and checked when
 * it is made, so that a server is secured as configured or not started at all.
 */
public final class WebSecurity {
  private static final WebSecurity NONE =
      new WebSecurity(null, null, null, null, PasswordAuthenticator.REALM, Map.of());

  /** jmx_exporter's realm. */
  static final String JMX_EXPORTER_REALM = "/";

  /**
   * The {@link TlsParameters}, typed as the JDK's class: the verifier then has no need to load
   * them, nor {@link PasswordAuthenticator}, where there is no TLS or password (~30 KB of classes).
   */
  private final HttpsConfigurator tls;

  private final ClientAuth clientAuth;
  private final CertificateExpiry expiry;
  private final PasswordCheck passwords;
  private final String realm;
  private final Map<String, String> headers;

  private WebSecurity(
      HttpsConfigurator tls,
      ClientAuth clientAuth,
      CertificateExpiry expiry,
      PasswordCheck passwords,
      String realm,
      Map<String, String> headers) {
    this.tls = tls;
    this.clientAuth = clientAuth;
    this.expiry = expiry;
    this.passwords = passwords;
    this.realm = realm;
    this.headers = headers;
  }

  /** Plain HTTP, no password: the default without a web configuration file. */
  public static WebSecurity none() {
    return NONE;
  }

  /**
   * Reads the certificate, key and CA files and checks them, the TLS versions and cipher suites.
   *
   * @param log where a certificate that has expired or is not valid yet, a certificate reloaded
   *     later, or a replacement that cannot be used, is told
   * @throws ConfigException naming the file and key that cannot be used, and why
   */
  public static WebSecurity of(WebConfig config, Consumer<String> log) throws ConfigException {
    HttpsConfigurator tls = null;
    ClientAuth clientAuth = null;
    CertificateExpiry expiry = null;
    if (config.tls().isPresent()) {
      TlsSettings settings = config.tls().get();
      clientAuth = settings.clientAuth();
      TlsFiles files = TlsFiles.read(settings, log);
      tls = TlsParameters.of(context(settings, files), settings);
      expiry = new CertificateExpiry(files, settings.certFile());
    }
    PasswordCheck passwords =
        config.basicAuthUsers().isEmpty() ? null : PasswordCheck.bcrypt(config.basicAuthUsers());
    return new WebSecurity(
        tls, clientAuth, expiry, passwords, PasswordAuthenticator.REALM, config.headers());
  }

  /**
   * jmx_exporter's {@code httpServer.authentication} and {@code httpServer.ssl}, served by the
   * agent's own server: its one user checked as jmx_exporter checks it (realm {@code /}), with the
   * agent's constant-time lookups, remembered successes and hashing in turns; its keystore entry
   * served with the JVM's default TLS versions.
   *
   * @param system the system properties, where jmx_exporter finds a keystore the file leaves out
   * @throws ConfigException naming the key whose value cannot be used, and why
   */
  public static WebSecurity of(HttpServerSecurity config, Properties system)
      throws ConfigException {
    HttpsConfigurator tls = null;
    CertificateExpiry expiry = null;
    if (config.keyStore().isPresent()) {
      KeyStoreTls keyStore = KeyStoreTls.load(config.keyStore().get(), system);
      tls = TlsParameters.defaults(keyStore.context);
      expiry = new CertificateExpiry(() -> keyStore.certificate, keyStore.file);
    }
    PasswordCheck passwords = null;
    if (config.basicAuth().isPresent()) {
      passwords = JmxExporterPasswords.check(config.basicAuth().get(), config.where());
    }
    return new WebSecurity(
        tls,
        tls == null ? null : ClientAuth.NO_CLIENT_CERT,
        expiry,
        passwords,
        JMX_EXPORTER_REALM,
        Map.of());
  }

  private static SSLContext context(TlsSettings settings, TlsFiles files) throws ConfigException {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(
          new KeyManager[] {new ReloadingKeyManager(files)},
          new TrustManager[] {new ClientCertificateCheck(settings.clientAuth(), files)},
          null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new ConfigException(
          settings.where("cert_file") + ": this JVM cannot serve TLS (" + e.getMessage() + ")");
    }
  }

  /**
   * Registers the metrics of the security in use: with TLS, the expiry time of the server's
   * certificate ({@code status_exporter_tls_certificate_expiry_timestamp_seconds}); nothing
   * without.
   */
  public void register(PrometheusRegistry registry) {
    if (expiry != null) {
      registry.register(expiry);
    }
  }

  /** {@code https} with TLS, else {@code http}. */
  public String scheme() {
    return tls == null ? "http" : "https";
  }

  /** What the server asks of scrapers, for the start line: empty for nothing. */
  public String describe() {
    StringBuilder text = new StringBuilder();
    if (tls != null) {
      text.append(", TLS");
      if (clientAuth != ClientAuth.NO_CLIENT_CERT) {
        text.append(" with client_auth_type ").append(clientAuth.key());
      }
    }
    if (passwords != null) {
      text.append(
          tls != null
              ? ", basic auth"
              : ", basic auth over plain HTTP (passwords can be read on the network)");
    }
    return text.toString();
  }

  HttpServer createServer(InetSocketAddress address, int backlog) throws IOException {
    if (tls == null) {
      return JdkServerProvider.http(address, backlog);
    }
    HttpsServer server = JdkServerProvider.https(address, backlog);
    server.setHttpsConfigurator(tls);
    return server;
  }

  void secure(HttpContext context, ServerMetrics metrics) {
    if (!headers.isEmpty()) {
      context.getFilters().add(new ResponseHeaders(headers));
    }
    if (passwords != null) {
      context.setAuthenticator(PasswordAuthenticator.of(passwords, realm, metrics));
    }
  }
}
