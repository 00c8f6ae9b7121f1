package io.github.statusexporter.server;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * HTTP basic authentication against {@code basic_auth_users}, or jmx_exporter's one user. A request
 * without the right user and password gets 401 with an empty body, whatever was wrong; one whose
 * password could not be checked because too many checks were waiting gets 429, and may try again.
 */
final class PasswordAuthenticator extends Authenticator {
  /** The realm of {@code basic_auth_users}. */
  static final String REALM = "status-exporter";

  private static final String PREFIX = "basic ";

  private final PasswordCheck passwords;
  private final String realm;
  private final ServerMetrics metrics;

  /** Typed as the JDK's class: see {@link WebSecurity}'s field of TLS parameters. */
  static Authenticator of(PasswordCheck passwords, String realm, ServerMetrics metrics) {
    return new PasswordAuthenticator(passwords, realm, metrics);
  }

  PasswordAuthenticator(PasswordCheck passwords, String realm, ServerMetrics metrics) {
    this.passwords = passwords;
    this.realm = realm;
    this.metrics = metrics;
  }

  @Override
  public Result authenticate(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      byte[] credentials = decode(header.substring(PREFIX.length()).trim());
      int colon = indexOfColon(credentials);
      if (colon >= 0) {
        String user = new String(credentials, 0, colon, StandardCharsets.UTF_8);
        byte[] password = Arrays.copyOfRange(credentials, colon + 1, credentials.length);
        PasswordCheck.Result result = passwords.check(user, password);
        Arrays.fill(password, (byte) 0);
        Arrays.fill(credentials, (byte) 0);
        if (result == PasswordCheck.Result.MATCH) {
          return new Success(new HttpPrincipal(user, realm));
        }
        if (result == PasswordCheck.Result.BUSY) {
          metrics.refused(ServerMetrics.Refused.PASSWORD_CHECKS_BUSY);
          exchange.getResponseHeaders().set("Retry-After", "1");
          return new Failure(429);
        }
      }
    }
    metrics.refused(ServerMetrics.Refused.UNAUTHORIZED);
    exchange
        .getResponseHeaders()
        .set("WWW-Authenticate", "Basic realm=\"" + realm + "\", charset=\"UTF-8\"");
    return new Retry(401);
  }

  private static byte[] decode(String base64) {
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      return new byte[0];
    }
  }

  private static int indexOfColon(byte[] credentials) {
    for (int i = 0; i < credentials.length; i++) {
      if (credentials[i] == ':') {
        return i;
      }
    }
    return -1;
  }
}
