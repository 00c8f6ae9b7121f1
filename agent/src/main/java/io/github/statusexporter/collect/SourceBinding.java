package io.github.statusexporter.collect;

import io.github.statusexporter.mapping.Mapping;
import io.github.statusexporter.source.SharedRead;

/** A named status source and the mapping its readings go through. */
public final class SourceBinding {
  private final String name;
  private final SharedRead read;
  private final Mapping mapping;

  public SourceBinding(String name, SharedRead read, Mapping mapping) {
    this.name = name;
    this.read = read;
    this.mapping = mapping;
  }

  /** The value of the {@code source} label on the self-metrics. */
  public String name() {
    return name;
  }

  SharedRead read() {
    return read;
  }

  Mapping mapping() {
    return mapping;
  }
}
