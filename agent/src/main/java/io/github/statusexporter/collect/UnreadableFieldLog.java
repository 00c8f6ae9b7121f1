package io.github.statusexporter.collect;

import io.github.statusexporter.source.UnreadableField;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Names each field a source cannot read in one log line, the first time it is met: a getter that
 * always throws would otherwise be a line per scrape, or (only counted) never be named at all. The
 * fields named are remembered up to a bound, past which one line says that more are not named.
 */
final class UnreadableFieldLog {
  /** Far more than a mapping's MBeans usually have, and a bounded share of the heap. */
  static final int MAX_NAMED = 1000;

  private final Consumer<String> log;

  /** [source, owner, field] of the fields named so far. */
  private final Set<List<String>> named = new HashSet<>();

  private boolean saidFull;

  UnreadableFieldLog(Consumer<String> log) {
    this.log = log;
  }

  /** Names those of {@code fields} not named before for this source. */
  synchronized void tell(String source, String description, List<UnreadableField> fields) {
    for (UnreadableField field : fields) {
      List<String> key = Arrays.asList(source, field.owner(), field.field());
      if (named.contains(key)) {
        continue;
      }
      if (named.size() >= MAX_NAMED) {
        if (!saidFull) {
          saidFull = true;
          log.accept(
              "more unreadable attributes are not named ("
                  + MAX_NAMED
                  + " are); status_exporter_source_unreadable_fields_total counts them all");
        }
        return;
      }
      named.add(key);
      log.accept(
          "status source "
              + description
              + ": "
              + field.describe()
              + " cannot be read ("
              + field.why()
              + "); it is left out");
    }
  }

  /** Forgets a source that is gone: a source of that name made later is named afresh. */
  synchronized void remove(String source) {
    named.removeIf(key -> key.get(0).equals(source));
  }
}
