package io.github.statusexporter.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Diagnostic commands sent to a launched JVM with its own JDK's jcmd (jwebserver runs on another
 * JDK than the benchmarks, whose JFR recordings and diagnostic commands are its own).
 */
final class Jcmd {
  private static final Path OWN_JCMD = Paths.get(System.getProperty("java.home"), "bin", "jcmd");

  private Jcmd() {}

  /** Runs one command, such as {@code GC.run}; returns its output. */
  static String run(long pid, String... command) throws IOException, InterruptedException {
    List<String> line = new ArrayList<>(List.of(jcmd(pid).toString(), String.valueOf(pid)));
    line.addAll(List.of(command));
    Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
    String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!jcmd.waitFor(30, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
      throw new IOException("jcmd " + String.join(" ", command) + " failed: " + output);
    }
    return output;
  }

  /** The jcmd beside the JVM's own executable (/proc/PID/exe), else the benchmarks' own. */
  private static Path jcmd(long pid) {
    try {
      Path jcmd =
          Paths.get("/proc", String.valueOf(pid), "exe").toRealPath().resolveSibling("jcmd");
      return Files.isExecutable(jcmd) ? jcmd : OWN_JCMD;
    } catch (IOException gone) {
      return OWN_JCMD;
    }
  }

  /**
   * Classes the JVM has loaded since its start, those read from the CDS archive included
   * (java.cls.loadedClasses counts only the others; java.cls.sharedLoadedClasses those), as {@code
   * ClassLoadingMXBean#getTotalLoadedClassCount} counts them; and of which from the archive.
   */
  static long[] loadedClasses(long pid) throws IOException, InterruptedException {
    // PerfCounter.print reads the JVM's perf data file; jcmd does not attach to the JVM for it.
    long loaded = -1;
    long shared = -1;
    for (String line : run(pid, "PerfCounter.print").split("\n")) {
      String value = line.substring(line.indexOf('=') + 1).trim();
      if (line.startsWith("java.cls.loadedClasses=")) {
        loaded = Long.parseLong(value);
      } else if (line.startsWith("java.cls.sharedLoadedClasses=")) {
        shared = Long.parseLong(value);
      }
    }
    if (loaded < 0 || shared < 0) {
      throw new IOException("no java.cls.loadedClasses in jcmd " + pid + " PerfCounter.print");
    }
    return new long[] {loaded + shared, shared};
  }

  /** Methods the JVM's JIT compilers have compiled since its start (sun.ci.totalCompiles). */
  static long compilations(long pid) throws IOException, InterruptedException {
    for (String line : run(pid, "PerfCounter.print").split("\n")) {
      if (line.startsWith("sun.ci.totalCompiles=")) {
        return Long.parseLong(line.substring(line.indexOf('=') + 1).trim());
      }
    }
    throw new IOException("no sun.ci.totalCompiles in jcmd " + pid + " PerfCounter.print");
  }
}
