package io.github.statusexporter.config.mappingfile;

import java.util.List;

/** What the mapping file declares: its sources, and how request routes are recorded. */
public final class MappingFile {
  private final List<SourceDefinition> sources;
  private final RouteSettings routes;

  MappingFile(List<SourceDefinition> sources, RouteSettings routes) {
    this.sources = List.copyOf(sources);
    this.routes = routes;
  }

  public List<SourceDefinition> sources() {
    return sources;
  }

  /** The {@code requests:} section, or the defaults when the file has none. */
  public RouteSettings routes() {
    return routes;
  }
}
