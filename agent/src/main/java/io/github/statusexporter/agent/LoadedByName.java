package io.github.statusexporter.agent;

import io.prometheus.metrics.expositionformats.internal.PrometheusProtobufWriterImpl;

/**
 * The library classes that are loaded only by name, named here so that the shaded jar keeps them.
 * The build minimizes the jar (maven-shade-plugin's minimizeJar): it keeps the agent's own classes
 * and every library class they reach through references in their class files, and drops the rest. A
 * class a library loads with {@code Class.forName} is reached by no reference; without a line here,
 * it and everything only it reaches would be left out, and the feature would fail at run time.
 * Never loaded itself: its class file is the list.
 */
final class LoadedByName {
  /**
   * client_java's {@code PrometheusProtobufWriter} loads its implementation by name (so that the
   * text formats do not need the protobuf runtime): the protobuf exposition, which Prometheus asks
   * for when it scrapes native histograms, and everything it needs (the generated {@code Metrics}
   * messages and client_java's shaded protobuf runtime).
   */
  static final Class<?>[] CLASSES = {PrometheusProtobufWriterImpl.class};

  private LoadedByName() {}
}
