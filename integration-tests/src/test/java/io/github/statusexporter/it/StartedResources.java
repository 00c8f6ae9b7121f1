package io.github.statusexporter.it;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a test class started (applications, Prometheus), closed in the reverse order, every one of
 * them even when an earlier close fails.
 */
final class StartedResources implements AutoCloseable {
  private final List<AutoCloseable> started = new ArrayList<>();

  <T extends AutoCloseable> T add(T resource) {
    started.add(resource);
    return resource;
  }

  @Override
  public void close() throws Exception {
    List<AutoCloseable> reversed = new ArrayList<>(started);
    Collections.reverse(reversed);
    Exception failure = null;
    for (AutoCloseable resource : reversed) {
      try {
        resource.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
