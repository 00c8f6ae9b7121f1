package io.github.statusexporter.collect;

import io.github.statusexporter.source.UnreadableField;
import java.util.List;

/**
 * What the sources page shows of one source: what it is, its last read, and every field that read
 * found with what became of it. Built when the page is asked for, from what the source keeps
 * anyway.
 */
public final class SourceReport {
  private final String name;
  private final String address;
  private final LastRead lastRead;
  private final List<RecordReport> records;
  private final int fieldsNotShown;
  private final int fatesNotShown;

  SourceReport(
      String name,
      String address,
      LastRead lastRead,
      List<RecordReport> records,
      int fieldsNotShown,
      int fatesNotShown) {
    this.name = name;
    this.address = address;
    this.lastRead = lastRead;
    this.records = List.copyOf(records);
    this.fieldsNotShown = fieldsNotShown;
    this.fatesNotShown = fatesNotShown;
  }

  public String name() {
    return name;
  }

  /** The URL or MBean name, secrets masked as in log lines. */
  public String address() {
    return address;
  }

  /** Null when no scrape has read the source yet. */
  public LastRead lastRead() {
    return lastRead;
  }

  public List<RecordReport> records() {
    return records;
  }

  /** Fields of the reading past the page's cap, left out. */
  public int fieldsNotShown() {
    return fieldsNotShown;
  }

  /** What became of fields, past the cap on what is kept, left out. */
  public int fatesNotShown() {
    return fatesNotShown;
  }

  /** The most unreadable fields the page names; the count covers them all. */
  public static final int MAX_UNREADABLE_SHOWN = 100;

  /** The unreadable fields named, up to {@link #MAX_UNREADABLE_SHOWN}. */
  public List<UnreadableField> unreadable() {
    if (lastRead == null || lastRead.reading() == null) {
      return List.of();
    }
    List<UnreadableField> all = lastRead.reading().unreadable();
    return all.size() <= MAX_UNREADABLE_SHOWN ? all : all.subList(0, MAX_UNREADABLE_SHOWN);
  }

  /** Fields the source has but could not read; 0 before the first reading. */
  public int unreadableFields() {
    return lastRead == null || lastRead.reading() == null
        ? 0
        : lastRead.reading().unreadableFields();
  }
}
