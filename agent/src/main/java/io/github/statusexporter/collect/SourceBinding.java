package io.github.statusexporter.collect;

import io.github.statusexporter.mapping.Mapping;
import io.github.statusexporter.source.PendingRead;
import io.github.statusexporter.source.Reading;
import io.github.statusexporter.source.SharedRead;

/**
 * A named status source and the mapping its readings go through. Scrapes that share a read share
 * its mapping too: however many scrapes arrive at once, a source holds one reading and one mapped
 * result at a time (and the last ones between scrapes).
 */
public final class SourceBinding {
  private final String name;
  private final SharedRead read;
  private final Mapping mapping;
  private final int maxSeries;
  private PendingRead mappedRead;
  private MappedReading mapped;
  private volatile LastRead lastRead;

  /**
   * @param maxSeries the most series a reading may map to; past it the source's application metrics
   *     are left out of the scrape
   */
  public SourceBinding(String name, SharedRead read, Mapping mapping, int maxSeries) {
    this.name = name;
    this.read = read;
    this.mapping = mapping;
    this.maxSeries = maxSeries;
  }

  /** The value of the {@code source} label on the self-metrics. */
  public String name() {
    return name;
  }

  SharedRead read() {
    return read;
  }

  /** What the source is, secrets masked: its URL or MBean name. */
  public String address() {
    return read.source().describe();
  }

  Mapping mapping() {
    return mapping;
  }

  int maxSeries() {
    return maxSeries;
  }

  /** The last read a scrape saw, or null before the first. */
  public LastRead lastRead() {
    return lastRead;
  }

  void readEnded(LastRead read) {
    lastRead = read;
  }

  /**
   * The mapped {@code reading} of {@code pending}, mapped by the first scrape that asks; the others
   * wait for it rather than map it again.
   */
  synchronized MappedReading map(PendingRead pending, Reading reading) {
    if (pending != mappedRead) {
      mapped = MappedReading.of(mapping, reading, maxSeries);
      mappedRead = pending;
    }
    return mapped;
  }
}
