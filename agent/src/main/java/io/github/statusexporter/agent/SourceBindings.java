package io.github.statusexporter.agent;

import io.github.statusexporter.collect.SourceBinding;
import io.github.statusexporter.config.SourceAddress;
import io.github.statusexporter.config.SourceDefinition;
import io.github.statusexporter.instrumentation.RequestRecording;
import io.github.statusexporter.mapping.Mapping;
import io.github.statusexporter.source.AcceptedStatuses;
import io.github.statusexporter.source.HttpStatusSource;
import io.github.statusexporter.source.MBeanStatusSource;
import io.github.statusexporter.source.SharedRead;
import io.github.statusexporter.source.StatusSource;
import io.github.statusexporter.source.TrustedCertificates;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLSocketFactory;

/** Makes readable, mapped sources out of their definitions. */
final class SourceBindings {
  private final Executor readers;
  private final String userAgent;

  SourceBindings(Executor readers, String version) {
    this.readers = readers;
    // The prefix request recording recognises: the agent's own reads are not the app's load.
    this.userAgent = RequestRecording.AGENT_USER_AGENT_PREFIX + version;
  }

  /** The one source of the {@code source} option, mapped as the seed did. */
  SourceBinding seed(SourceAddress address, Duration timeout, int maxSeries) {
    return bind(
        "default",
        source(address, timeout, Map.of(), null, AcceptedStatuses.DEFAULT),
        timeout,
        Mapping.seed(),
        maxSeries);
  }

  /**
   * @throws IOException or GeneralSecurityException when a CA file no longer loads
   */
  List<SourceBinding> of(List<SourceDefinition> definitions)
      throws IOException, GeneralSecurityException {
    List<SourceBinding> bindings = new ArrayList<>(definitions.size());
    for (SourceDefinition definition : definitions) {
      SSLSocketFactory socketFactory =
          definition.caFile() == null
              ? null
              : TrustedCertificates.socketFactory(definition.caFile());
      StatusSource source =
          source(
              definition.address(),
              definition.timeout(),
              definition.headers(),
              socketFactory,
              definition.accepted());
      bindings.add(
          bind(
              definition.name(),
              source,
              definition.timeout(),
              Mapping.of(definition.metrics(), definition.derived()),
              definition.maxSeries()));
    }
    return bindings;
  }

  /** The URL paths of the HTTP sources among {@code addresses}. */
  static List<String> httpPaths(List<SourceAddress> addresses) {
    List<String> paths = new ArrayList<>();
    for (SourceAddress address : addresses) {
      if (!address.isMBean()) {
        String path = address.uri().getRawPath();
        paths.add(path == null || path.isEmpty() ? "/" : path);
      }
    }
    return paths;
  }

  private SourceBinding bind(
      String name, StatusSource source, Duration timeout, Mapping mapping, int maxSeries) {
    return new SourceBinding(name, new SharedRead(source, timeout, readers), mapping, maxSeries);
  }

  private StatusSource source(
      SourceAddress address,
      Duration timeout,
      Map<String, String> headers,
      SSLSocketFactory socketFactory,
      AcceptedStatuses accepted) {
    return address.isMBean()
        ? new MBeanStatusSource(address.objectName())
        : new HttpStatusSource(address.uri(), timeout, userAgent, headers, socketFactory, accepted);
  }
}
