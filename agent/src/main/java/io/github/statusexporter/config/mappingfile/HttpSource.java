package io.github.statusexporter.config.mappingfile;

import io.github.statusexporter.config.ConfigException;
import io.github.statusexporter.config.yaml.YamlMap;
import io.github.statusexporter.source.AcceptedStatuses;
import io.github.statusexporter.source.HttpStatusSource;
import io.github.statusexporter.source.Redaction;
import io.github.statusexporter.source.StatusSource;
import io.github.statusexporter.source.TrustedCertificates;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocketFactory;

/**
 * A JSON status document read with an HTTP GET: {@code source=http://localhost:8000/status}, or
 * {@code url:} in the mapping file with the keys only it takes, {@code headers}, {@code ca_file}
 * and {@code valid_status_codes}.
 */
public final class HttpSource implements SourceAddress {
  static final SourceKind KIND = new Kind();

  private final URI uri;
  private final Map<String, String> headers;
  private final Path caFile;
  private final AcceptedStatuses accepted;

  private HttpSource(URI uri, Map<String, String> headers, Path caFile, AcceptedStatuses accepted) {
    this.uri = uri;
    this.headers = Map.copyOf(headers);
    this.caFile = caFile;
    this.accepted = accepted;
  }

  /** The URL with no headers, the JDK's certificate authorities and the default statuses. */
  public static HttpSource at(URI uri) {
    return new HttpSource(uri, Map.of(), null, AcceptedStatuses.DEFAULT);
  }

  public URI uri() {
    return uri;
  }

  /** HTTP headers sent with every read, with {@code ${VARIABLES}} already substituted. */
  public Map<String, String> headers() {
    return headers;
  }

  /** PEM file of the certificate authorities trusted for an https source; null for the JDK's. */
  public Path caFile() {
    return caFile;
  }

  /** The HTTP statuses whose body is read ({@code valid_status_codes}). */
  public AcceptedStatuses accepted() {
    return accepted;
  }

  @Override
  public StatusSource open(Duration timeout, String userAgent)
      throws IOException, GeneralSecurityException {
    SSLSocketFactory socketFactory =
        caFile == null ? null : TrustedCertificates.socketFactory(caFile);
    return new HttpStatusSource(uri, timeout, userAgent, headers, socketFactory, accepted);
  }

  @Override
  public Optional<String> requestPath() {
    String path = uri.getRawPath();
    return Optional.of(path == null || path.isEmpty() ? "/" : path);
  }

  @Override
  public String toString() {
    return Redaction.url(uri);
  }

  /**
   * Compiled only when headers are given: the agent's options name an HTTP source beside the
   * application's start, where a regular expression's first use bootstraps lambdas.
   */
  private static final class HeaderSyntax {
    private static final Pattern NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern VALUE = Pattern.compile("[^\\x00-\\x08\\x0A-\\x1F\\x7F]*");
  }

  private static final class Kind implements SourceKind {

    @Override
    public String key() {
      return "url";
    }

    @Override
    public List<String> ownKeys() {
      return List.of("headers", "ca_file", "valid_status_codes");
    }

    @Override
    public String addressInOption(String value) {
      return value.startsWith("http://") || value.startsWith("https://") ? value : null;
    }

    @Override
    public SourceAddress parse(String address) {
      try {
        URI uri = new URI(address);
        if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
            && uri.getHost() != null) {
          return at(uri);
        }
      } catch (URISyntaxException e) {
        // said below
      }
      throw new IllegalArgumentException("an http:// or https:// URL");
    }

    @Override
    public String shown(String text) {
      return Redaction.url(text);
    }

    @Override
    public String optionForm() {
      return "an http:// or https:// URL";
    }

    @Override
    public String optionExample() {
      return "http://localhost:8000/status";
    }

    @Override
    public String optionHint() {
      return "such as http://localhost:8000/status";
    }

    @Override
    public SourceAddress withSettings(SourceAddress address, YamlMap source)
        throws ConfigException {
      URI uri = ((HttpSource) address).uri;
      return new HttpSource(uri, headers(source), caFile(source, uri), accepted(source));
    }

    private static Map<String, String> headers(YamlMap source) throws ConfigException {
      Map<String, String> headers = source.stringMap("headers");
      for (Map.Entry<String, String> header : headers.entrySet()) {
        if (!HeaderSyntax.NAME.matcher(header.getKey()).matches()) {
          throw source.error("headers", "'" + header.getKey() + "' is not an HTTP header name");
        }
        if (!HeaderSyntax.VALUE.matcher(header.getValue()).matches()) {
          // The value is not quoted: it is often a secret.
          throw source.error(
              "headers",
              header.getKey()
                  + " has a line break or control character in its value (a secret read from a"
                  + " file often ends with one)");
        }
      }
      return headers;
    }

    private static Path caFile(YamlMap source, URI uri) throws ConfigException {
      if (!source.has("ca_file")) {
        return null;
      }
      if (!"https".equals(uri.getScheme())) {
        throw source.error("ca_file", "is only for https:// url sources");
      }
      Path caFile = Paths.get(source.string("ca_file"));
      try {
        TrustedCertificates.socketFactory(caFile);
      } catch (IOException | GeneralSecurityException e) {
        throw source.error(
            "ca_file",
            "'" + caFile + "' is not a readable PEM certificate file (" + e.getMessage() + ")");
      }
      return caFile;
    }

    private static AcceptedStatuses accepted(YamlMap source) throws ConfigException {
      if (!source.has("valid_status_codes")) {
        return AcceptedStatuses.DEFAULT;
      }
      Set<Integer> statuses = new LinkedHashSet<>();
      for (String code : source.strings("valid_status_codes")) {
        try {
          int status = Integer.parseInt(code.trim());
          if (status >= 100 && status <= 599) {
            statuses.add(status);
            continue;
          }
        } catch (NumberFormatException e) {
          // said below
        }
        throw source.error(
            "valid_status_codes", "'" + code + "' is not an HTTP status code (100 to 599)");
      }
      if (statuses.isEmpty()) {
        throw source.error("valid_status_codes", "needs at least one status code, such as [200]");
      }
      return AcceptedStatuses.of(statuses);
    }
  }
}
