package io.github.statusexporter.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Java runtimes made with {@code jlink}, as container images ship them: only the modules the
 * application needs (what {@code jdeps --print-module-deps} says), plus {@code java.instrument},
 * without which no {@code -javaagent} loads. The demo app needs {@code java.management} and {@code
 * jdk.httpserver}; HotSpot's {@code jdk.management} is then left out, and with it the process CPU
 * time, the file descriptor counts and the collections' notifications. Without {@code
 * java.management} the agent cannot start, and says what to add. On the first JDK only: the images
 * take seconds to make, for what does not depend on the JDK.
 */
@Tag("first-jdk-only")
class SlimRuntimeIT {
  private static final Path JDK =
      Paths.get(System.getProperty("it.java.home", System.getProperty("java.home")));

  private static final String UNAVAILABLE_HEAD =
      "# HELP status_exporter_jvm_family_unavailable_info The JVM and process families this JVM"
          + " cannot give: it lacks the JDK module they need.\n"
          + "# TYPE status_exporter_jvm_family_unavailable_info gauge\n";

  private static final String ADD_JDK_MANAGEMENT =
      ": this JVM has no module jdk.management; for them, add it to the runtime image (jlink"
          + " --add-modules jdk.management) or, if the image has it, to the java command"
          + " (--add-modules jdk.management)";

  @TempDir Path directory;

  @Test
  void withoutJdkManagementEveryOtherFamilyIsServedAndTheMissingOnesAreSaid() throws Exception {
    Path runtime = jlink("java.base,java.instrument,java.management,jdk.httpserver");
    int appPort = Http.freePort();
    int agentPort = Http.freePort();
    try (JavaProcess app = demoApp(runtime, appPort, agentPort)) {
      Http.get("http://localhost:" + appPort + "/status");

      Scrape scrape =
          Scrape.awaitValue(
              agentPort,
              "status_exporter_source_up{source=\"default\"}",
              1,
              Duration.ofSeconds(10));

      assertThat(scrape.hasFamily("app_requests_current")).isTrue();
      assertThat(scrape.hasFamily("jvm_memory_used_bytes")).isTrue();
      assertThat(scrape.hasFamily("jvm_threads_state")).isTrue();
      assertThat(scrape.hasFamily("process_resident_memory_bytes")).isTrue();
      assertThat(scrape.hasFamily("process_start_time_seconds")).isTrue();
      assertThat(scrape.text).contains("http_server_request_duration_seconds_count{");
      // client_java gives these from jdk.management only; on Linux the agent reads /proc.
      assertThat(scrape.value("process_cpu_seconds_total")).isPositive();
      assertThat(scrape.value("process_open_fds")).isGreaterThan(3.0);
      assertThat(scrape.value("process_max_fds"))
          .isGreaterThanOrEqualTo(scrape.value("process_open_fds"));
      assertThat(scrape.hasFamily("jvm_memory_pool_allocated_bytes_total")).isFalse();
      assertThat(scrape.family("status_exporter_jvm_family_unavailable_info"))
          .isEqualTo(unavailable("jvm_memory_pool_allocated_bytes_total"));
      assertThat(app.stderr())
          .containsOnlyOnce(
              "status-exporter: no jvm_memory_pool_allocated_bytes_total" + ADD_JDK_MANAGEMENT)
          .noneMatch(line -> line.contains("scrape failed"));
    }

    // With native memory tracking on, client_java's native memory families too: they come from
    // the same module's diagnostic command.
    int nextAgentPort = Http.freePort();
    try (JavaProcess app =
        demoApp(runtime, Http.freePort(), nextAgentPort, "-XX:NativeMemoryTracking=summary")) {
      Scrape scrape = Scrape.of(nextAgentPort);

      assertThat(scrape.hasFamily("jvm_native_memory_reserved_bytes")).isFalse();
      assertThat(scrape.family("status_exporter_jvm_family_unavailable_info"))
          .isEqualTo(
              unavailable(
                  "jvm_memory_pool_allocated_bytes_total",
                  "jvm_native_memory_committed_bytes",
                  "jvm_native_memory_reserved_bytes"));
      assertThat(app.stderr())
          .containsOnlyOnce(
              "status-exporter: no jvm_memory_pool_allocated_bytes_total,"
                  + " jvm_native_memory_reserved_bytes, jvm_native_memory_committed_bytes"
                  + ADD_JDK_MANAGEMENT);
    }
  }

  /** The demo app on the runtime, with the agent reading its status, started. */
  private JavaProcess demoApp(Path runtime, int appPort, int agentPort, String... jvmFlags)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(runtime.resolve("bin/java").toString());
    command.addAll(List.of(jvmFlags));
    command.addAll(
        List.of(
            "-javaagent:"
                + JavaProcess.AGENT_JAR
                + "=port="
                + agentPort
                + ",source=http://localhost:"
                + appPort
                + "/status",
            "-jar",
            JavaProcess.DEMO_JAR.toString(),
            "--port",
            String.valueOf(appPort)));
    JavaProcess app = JavaProcess.script(command, directory, Map.of());
    app.awaitStderr(line -> line.contains(" serving http://"), Duration.ofSeconds(30));
    return app;
  }

  @Test
  void withoutJavaManagementTheAgentSaysToAddItAndTheApplicationServes() throws Exception {
    // The application's HTTPS server reads an EC key: JDK 17 has its algorithms in a module of
    // their own.
    Path runtime =
        jlink(
            "java.base,java.instrument,jdk.httpserver"
                + (hasModule("jdk.crypto.ec") ? ",jdk.crypto.ec" : ""));
    Path keystore = TlsStatusServer.selfSignedKeystore(directory);
    int appPort = Http.freePort();
    List<String> command = new ArrayList<>();
    command.add(runtime.resolve("bin/java").toString());
    command.add("-javaagent:" + JavaProcess.AGENT_JAR + "=port=" + Http.freePort());
    command.addAll(
        List.of(
            "-cp",
            JavaProcess.testClasses(),
            JdkServerApp.class.getName(),
            String.valueOf(appPort),
            String.valueOf(Http.freePort()),
            keystore.toString()));
    try (JavaProcess app = JavaProcess.script(command, directory, Map.of())) {
      app.awaitStdout(line -> line.equals("jdk-server-app ready"), Duration.ofSeconds(30));

      assertThat(Http.get("http://localhost:" + appPort + "/class").statusCode()).isEqualTo(200);
      // Where the start stops depends on the JDK (its first class of java.management): on the
      // options (JDK 25) or on the metrics server (JDK 17), whose line then says so.
      app.awaitStderr(line -> line.contains("java.management"), Duration.ofSeconds(30));
      assertThat(app.stderrBesidesServersMeasured())
          .singleElement()
          .satisfies(
              line ->
                  assertThat(line)
                      .matches(
                          "status-exporter: not (started|serving metrics), the application runs on"
                              + " without it: this JVM has no module java.management, which the"
                              + " agent needs \\(java.lang.NoClassDefFoundError:"
                              + " java(x)?/(lang/)?management/[A-Za-z]+\\): add it to the runtime"
                              + " image \\(jlink --add-modules java.management\\) or, if the"
                              + " image has it, to the java command \\(--add-modules"
                              + " java.management\\)"));
    }
  }

  /** Whether the JDK under test has the module {@code name}. */
  private boolean hasModule(String name) throws IOException, InterruptedException {
    return Tools.check(directory, JDK.resolve("bin/java"), "--list-modules")
        .lines()
        .anyMatch(module -> module.startsWith(name + "@"));
  }

  /** The info family as written, one series per family, in the order given (the writer's). */
  private static String unavailable(String... families) {
    StringBuilder text = new StringBuilder(UNAVAILABLE_HEAD);
    for (String family : families) {
      text.append("status_exporter_jvm_family_unavailable_info{family=\"")
          .append(family)
          .append("\",module=\"jdk.management\"} 1\n");
    }
    return text.toString();
  }

  /** A runtime of these modules, made with the JDK under test's jlink. */
  private Path jlink(String modules) throws IOException, InterruptedException {
    Path output = directory.resolve("runtime");
    Tools.Result jlink =
        Tools.run(
            directory,
            JDK.resolve("bin/jlink"),
            "--add-modules",
            modules,
            "--strip-debug",
            "--no-header-files",
            "--no-man-pages",
            "--output",
            output.toString());
    if (jlink.exit != 0 && jlink.toString().contains("jmods")) {
      // A JDK packaged without its jmods (Ubuntu's openjdk-17-jmods is apart) cannot link.
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError("jlink cannot link on CI: " + jlink);
      }
      assumeThat(jlink.exit)
          .as("this JDK cannot link runtimes (install its jmods): " + jlink)
          .isZero();
    }
    assertThat(jlink.exit).as(jlink.toString()).isZero();
    assertThat(Files.isExecutable(output.resolve("bin/java"))).isTrue();
    return output;
  }
}
