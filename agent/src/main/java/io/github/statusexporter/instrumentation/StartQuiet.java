package io.github.statusexporter.instrumentation;

/**
 * Tells, from polls at a steady pace, when an application has finished starting: polls in a row in
 * which it loaded only a few classes (a lambda or a proxy now and then) and used little CPU. Every
 * step of a start loads classes, except a few that only compute (Spring reads its classes' bytes to
 * find its components without loading them, for seconds in a large application); those keep the CPU
 * busy. A start may pause on one step for a moment, hence several polls. Polls start once the
 * application's main thread is done with its start ({@link MainThread}): a process starved of CPU
 * by others loads few classes and uses little CPU in the middle of its start.
 */
final class StartQuiet {
  /** Fewer new classes than this in a poll is quiet. */
  static final int QUIET_CLASSES = 10;

  /** Less CPU than this share of one core in a poll is quiet. */
  static final double QUIET_CPU = 0.3;

  static final int QUIET_POLLS = 3;

  private int lastClasses = -1;
  private long lastCpuNanos = -1;
  private int quietPolls;

  /**
   * Takes one poll; true once enough polls in a row were quiet.
   *
   * @param cpuNanos the process's CPU time so far, or -1 where the JVM cannot tell
   */
  boolean poll(int classes, long cpuNanos, long pollNanos) {
    boolean quiet =
        lastClasses >= 0
            && classes - lastClasses < QUIET_CLASSES
            && (cpuNanos < 0
                || lastCpuNanos < 0
                || cpuNanos - lastCpuNanos < QUIET_CPU * pollNanos);
    quietPolls = quiet ? quietPolls + 1 : 0;
    lastClasses = classes;
    lastCpuNanos = cpuNanos;
    return quietPolls >= QUIET_POLLS;
  }

  /** The application is still starting: the polls start again, from nothing to compare with. */
  void restart() {
    lastClasses = -1;
    lastCpuNanos = -1;
    quietPolls = 0;
  }
}
