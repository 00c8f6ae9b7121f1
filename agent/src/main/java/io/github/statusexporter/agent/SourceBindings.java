package io.github.statusexporter.agent;

import io.github.statusexporter.collect.SourceBinding;
import io.github.statusexporter.config.mappingfile.SourceAddress;
import io.github.statusexporter.config.mappingfile.SourceDefinition;
import io.github.statusexporter.instrumentation.RequestRecording;
import io.github.statusexporter.mapping.Mapping;
import io.github.statusexporter.source.NotHttpBackOff;
import io.github.statusexporter.source.SharedRead;
import io.github.statusexporter.source.StatusSource;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/** Makes readable, mapped sources out of their definitions. */
final class SourceBindings {
  private final Executor readers;
  private final String userAgent;

  SourceBindings(Executor readers, String version) {
    this.readers = readers;
    // The prefix request recording recognises: the agent's own reads are not the app's load.
    this.userAgent = RequestRecording.AGENT_USER_AGENT_PREFIX + version;
  }

  /**
   * The one source of the {@code source} option, mapped as the seed did.
   *
   * @param byDefault true when the option is unset: the source then backs off from a port that does
   *     not answer HTTP ({@link NotHttpBackOff})
   */
  SourceBinding seed(SourceAddress address, Duration timeout, int maxSeries, boolean byDefault)
      throws IOException, GeneralSecurityException {
    StatusSource source = address.open(timeout, userAgent);
    return bind(
        "default",
        byDefault ? new NotHttpBackOff(source) : source,
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
      bindings.add(
          bind(
              definition.name(),
              definition.address().open(definition.timeout(), userAgent),
              definition.timeout(),
              Mapping.of(definition.metrics(), definition.derived()),
              definition.maxSeries()));
    }
    return bindings;
  }

  /** The URL paths the sources among {@code addresses} request from the application. */
  static List<String> requestPaths(List<SourceAddress> addresses) {
    List<String> paths = new ArrayList<>();
    for (SourceAddress address : addresses) {
      Optional<String> path = address.requestPath();
      if (path.isPresent()) {
        paths.add(path.get());
      }
    }
    return paths;
  }

  private SourceBinding bind(
      String name, StatusSource source, Duration timeout, Mapping mapping, int maxSeries) {
    return new SourceBinding(name, new SharedRead(source, timeout, readers), mapping, maxSeries);
  }
}
