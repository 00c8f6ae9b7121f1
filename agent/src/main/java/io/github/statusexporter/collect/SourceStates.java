package io.github.statusexporter.collect;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/** Logs a source going down or coming back: one line per change, never one per scrape. */
final class SourceStates {
  private final Consumer<String> log;
  private final Map<String, Boolean> upByName = new HashMap<>();

  SourceStates(Consumer<String> log) {
    this.log = log;
  }

  synchronized void remove(String name) {
    upByName.remove(name);
  }

  synchronized void up(String name, String description) {
    Boolean wasUp = upByName.put(name, Boolean.TRUE);
    if (Boolean.FALSE.equals(wasUp)) {
      log.accept("status source " + description + " is back up");
    }
  }

  synchronized void down(String name, String description, String why) {
    Boolean wasUp = upByName.put(name, Boolean.FALSE);
    if (!Boolean.FALSE.equals(wasUp)) {
      log.accept(
          "status source "
              + description
              + " cannot be read: "
              + why
              + "; app metrics are left out until it answers");
    }
  }
}
