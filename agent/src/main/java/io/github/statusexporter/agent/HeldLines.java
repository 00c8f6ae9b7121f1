package io.github.statusexporter.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The agent's log for what is said of the JDK server before the options are read (by {@code
 * premain} putting the provider in place, or by the provider the JDK creates): its lines are held
 * until they are, then said if the agent measures requests, and dropped if not ({@code
 * instrument=false}, options refused), whose lines would speak of servers it leaves alone. Lines
 * after that go straight to the log or nowhere. A class rather than a lambda: {@code premain}.
 */
final class HeldLines implements Consumer<String> {
  // Guarded by this.
  private List<String> held = new ArrayList<>();
  private boolean say;

  @Override
  public void accept(String line) {
    boolean sayIt;
    synchronized (this) {
      if (held != null) {
        held.add(line);
        return;
      }
      sayIt = say;
    }
    if (sayIt) {
      AgentLog.info(line);
    }
  }

  /** The options are read: the lines held are said, or dropped, and so are the next ones. */
  void release(boolean sayThem) {
    List<String> lines;
    synchronized (this) {
      lines = held;
      held = null;
      say = sayThem;
    }
    if (sayThem && lines != null) {
      for (String line : lines) {
        AgentLog.info(line);
      }
    }
  }
}
