package io.github.statusexporter.collect;

import io.github.statusexporter.source.FailureReason;
import io.github.statusexporter.source.PendingRead;
import io.github.statusexporter.source.Reading;
import io.github.statusexporter.source.Redaction;
import io.github.statusexporter.source.SourceException;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusScrapeRequest;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads every status source when Prometheus scrapes, maps the readings, and adds the self-metrics.
 * A source that cannot be read contributes no application metrics (never stale ones) and never
 * fails the scrape.
 */
public final class StatusCollector implements MultiCollector {
  private volatile List<SourceBinding> sources = List.of();
  private final SelfMetrics selfMetrics;
  private final SourceStates states;
  private final UnreadableFieldLog unreadableLog;

  public StatusCollector(List<SourceBinding> sources, Consumer<String> log) {
    this.selfMetrics = new SelfMetrics();
    this.states = new SourceStates(log);
    this.unreadableLog = new UnreadableFieldLog(log);
    replaceSources(sources);
  }

  /**
   * Reads these sources from the next scrape on, as after a reload of the configuration file. The
   * self-metrics carry on counting; a read in flight of a replaced source runs out unseen.
   */
  public synchronized void replaceSources(List<SourceBinding> replacement) {
    Set<String> names = new HashSet<>();
    for (SourceBinding source : replacement) {
      names.add(source.name());
      selfMetrics.addSource(source.name());
    }
    for (SourceBinding old : sources) {
      if (!names.contains(old.name())) {
        selfMetrics.removeSource(old.name());
        states.remove(old.name());
        unreadableLog.remove(old.name());
      }
    }
    sources = List.copyOf(replacement);
  }

  /**
   * No fixed list of families: the mapping file may change them on reload. The agent's own checks
   * (reserved prefixes, no clashes) take the place of the registry's.
   */
  @Override
  public MetricSnapshots collect(PrometheusScrapeRequest request) {
    List<MetricSnapshot> snapshots = collectAll();
    return new MetricSnapshots(
        SeedTextFormat.isTextFormat(request)
            ? SeedTextFormat.stateSetsAsGauges(snapshots)
            : snapshots);
  }

  @Override
  public MetricSnapshots collect() {
    return new MetricSnapshots(collectAll());
  }

  private List<MetricSnapshot> collectAll() {
    List<SourceBinding> sources = this.sources;
    long start = System.nanoTime();
    // Begin every read before waiting for any, so slow sources wait side by side.
    List<PendingRead> reads = new ArrayList<>(sources.size());
    for (SourceBinding source : sources) {
      reads.add(source.read().begin());
    }
    List<MetricSnapshot> snapshots = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      collectSource(sources.get(i), reads.get(i), start, snapshots);
    }
    snapshots.addAll(selfMetrics.snapshots());
    return snapshots;
  }

  private void collectSource(
      SourceBinding source, PendingRead read, long start, List<MetricSnapshot> snapshots) {
    String name = source.name();
    String description = source.read().source().describe();
    Reading reading = null;
    try {
      reading = source.read().await(read, start);
      MappedReading mapped = source.map(read, reading);
      if (mapped.takeCounts()) {
        selfMetrics.readCounts(name, mapped);
        unreadableLog.tell(name, description, mapped.unreadable());
      }
      List<MetricSnapshot> families = mapped.snapshots();
      double seconds = secondsSince(start);
      selfMetrics.readSucceeded(name, seconds);
      source.readEnded(LastRead.up(startedAt(start), seconds, reading));
      states.up(name, description);
      snapshots.addAll(families);
    } catch (SourceException e) {
      fail(source, description, reading, e.reason(), e.getMessage(), start);
    } catch (RuntimeException e) {
      // A bug of ours must not cost the user the whole scrape.
      fail(
          source,
          description,
          reading,
          FailureReason.INTERNAL_ERROR,
          Redaction.urlsIn(String.valueOf(e)),
          start);
    }
  }

  private void fail(
      SourceBinding source,
      String description,
      Reading reading,
      FailureReason reason,
      String message,
      long start) {
    double seconds = secondsSince(start);
    selfMetrics.readFailed(source.name(), reason, seconds);
    source.readEnded(LastRead.failed(startedAt(start), seconds, reading, reason, message));
    states.down(source.name(), description, message);
  }

  /**
   * Each source's last read and what became of every field it found, for the sources page. Costs a
   * mapping of each last reading, nothing on scrapes.
   */
  public List<SourceReport> report() {
    List<SourceReport> reports = new ArrayList<>();
    for (SourceBinding source : sources) {
      reports.add(SourceReports.of(source));
    }
    return reports;
  }

  private static Instant startedAt(long startNanos) {
    return Instant.now().minusNanos(System.nanoTime() - startNanos);
  }

  private static double secondsSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
