package io.github.statusexporter.jvm;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusScrapeRequest;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.function.Predicate;

/**
 * A collector that makes only the families a scrape asks for ({@code ?name[]=...}): the registry
 * hands a scrape's request to {@code collect(Predicate, PrometheusScrapeRequest)}, whose default
 * collects every family and filters afterwards, so each of the agent's JVM collectors answers there
 * from its {@link #collect(Predicate)}.
 */
abstract class SelectiveCollector implements MultiCollector {
  /** The families {@code includedNames} accepts; every family when it is null. */
  @Override
  public abstract MetricSnapshots collect(Predicate<String> includedNames);

  @Override
  public final MetricSnapshots collect() {
    return collect((Predicate<String>) null);
  }

  @Override
  public final MetricSnapshots collect(
      Predicate<String> includedNames, PrometheusScrapeRequest scrapeRequest) {
    return collect(includedNames);
  }
}
