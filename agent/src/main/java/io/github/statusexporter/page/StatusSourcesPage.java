package io.github.statusexporter.page;

import io.github.statusexporter.collect.StatusCollector;
import io.github.statusexporter.server.SourcesPage;

/** {@code /-/sources} for the collector's sources, rendered afresh on every request. */
public final class StatusSourcesPage implements SourcesPage {
  private final StatusCollector collector;
  private final String version;

  public StatusSourcesPage(StatusCollector collector, String version) {
    this.collector = collector;
    this.version = version;
  }

  @Override
  public byte[] json() {
    return SourcesJson.render(collector.report());
  }

  @Override
  public byte[] html() {
    return SourcesHtml.render(collector.report(), version);
  }
}
