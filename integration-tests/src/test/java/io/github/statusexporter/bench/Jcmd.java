package io.github.statusexporter.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Diagnostic commands sent to a launched JVM with the JDK's jcmd. */
final class Jcmd {
  private static final Path JCMD = Paths.get(System.getProperty("java.home"), "bin", "jcmd");

  private Jcmd() {}

  /** Runs one command, such as {@code GC.run}; returns its output. */
  static String run(long pid, String... command) throws IOException, InterruptedException {
    List<String> line = new ArrayList<>(List.of(JCMD.toString(), String.valueOf(pid)));
    line.addAll(List.of(command));
    Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
    String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!jcmd.waitFor(30, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
      throw new IOException("jcmd " + String.join(" ", command) + " failed: " + output);
    }
    return output;
  }
}
