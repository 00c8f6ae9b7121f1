package io.github.statusexporter.server;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import io.github.statusexporter.config.ConfigException;
import io.github.statusexporter.config.web.ClientAuth;
import io.github.statusexporter.config.web.TlsSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The TLS versions, cipher suites and client certificate policy of each connection, from {@code
 * tls_server_config}. As in Go, {@code cipher_suites} chooses TLS 1.2 suites only: the JVM's TLS
 * 1.3 suites stay enabled.
 */
final class TlsParameters extends HttpsConfigurator {
  private final String[] protocols;
  private final String[] cipherSuites;
  private final boolean serverOrder;
  private final ClientAuth clientAuth;

  private TlsParameters(
      SSLContext context,
      String[] protocols,
      String[] cipherSuites,
      boolean serverOrder,
      ClientAuth clientAuth) {
    super(context);
    this.protocols = protocols;
    this.cipherSuites = cipherSuites;
    this.serverOrder = serverOrder;
    this.clientAuth = clientAuth;
  }

  /**
   * @throws ConfigException when this JVM supports none of the TLS versions, or not a cipher suite
   */
  static HttpsConfigurator of(SSLContext context, TlsSettings settings) throws ConfigException {
    List<String> supportedProtocols =
        Arrays.asList(context.getSupportedSSLParameters().getProtocols());
    List<String> protocols = new ArrayList<>(settings.protocols());
    protocols.retainAll(supportedProtocols);
    if (protocols.isEmpty()) {
      throw new ConfigException(
          settings.where("min_version")
              + ": this JVM supports none of "
              + String.join(", ", settings.protocols()));
    }
    String[] cipherSuites = null;
    if (!settings.cipherSuites().isEmpty()) {
      List<String> supported = Arrays.asList(context.getSupportedSSLParameters().getCipherSuites());
      Set<String> suites = new LinkedHashSet<>();
      for (String suite : settings.cipherSuites()) {
        if (!supported.contains(suite)) {
          throw new ConfigException(
              settings.where("cipher_suites")
                  + ": '"
                  + suite
                  + "' is not supported by this JVM (Java "
                  + Runtime.version().feature()
                  + ")");
        }
        suites.add(suite);
      }
      for (String suite : context.getDefaultSSLParameters().getCipherSuites()) {
        if (suite.startsWith("TLS_AES_")
            || suite.startsWith("TLS_CHACHA20_")
            || suite.equals("TLS_EMPTY_RENEGOTIATION_INFO_SCSV")) {
          suites.add(suite);
        }
      }
      cipherSuites = suites.toArray(new String[0]);
    }
    return new TlsParameters(
        context,
        protocols.toArray(new String[0]),
        cipherSuites,
        settings.preferServerCipherSuites(),
        settings.clientAuth());
  }

  /**
   * The JVM's default TLS versions and cipher suites, no client certificate: jmx_exporter's {@code
   * httpServer.ssl} chooses none of them.
   */
  static HttpsConfigurator defaults(SSLContext context) {
    SSLParameters defaults = context.getDefaultSSLParameters();
    return new TlsParameters(
        context,
        defaults.getProtocols(),
        null,
        defaults.getUseCipherSuitesOrder(),
        ClientAuth.NO_CLIENT_CERT);
  }

  @Override
  public void configure(HttpsParameters params) {
    SSLParameters parameters = getSSLContext().getDefaultSSLParameters();
    parameters.setProtocols(protocols.clone());
    if (cipherSuites != null) {
      parameters.setCipherSuites(cipherSuites.clone());
    }
    parameters.setUseCipherSuitesOrder(serverOrder);
    if (clientAuth.requires()) {
      parameters.setNeedClientAuth(true);
    } else if (clientAuth.requests()) {
      parameters.setWantClientAuth(true);
    }
    params.setSSLParameters(parameters);
  }
}
