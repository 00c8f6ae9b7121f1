package io.github.statusexporter.source;

import java.util.concurrent.CompletableFuture;

/** One read of a source, begun by a scrape and shared by the scrapes that arrive meanwhile. */
public final class PendingRead {
  final CompletableFuture<Reading> result = new CompletableFuture<>();
  final ReadAbort abort = new ReadAbort();

  PendingRead() {}

  /** True once the read has a reading, has failed, or was abandoned. */
  public boolean isDone() {
    return result.isDone();
  }
}
