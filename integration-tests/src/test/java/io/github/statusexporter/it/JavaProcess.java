package io.github.statusexporter.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A JVM launched for a test: its output is drained into memory so it never blocks, and {@link
 * #close()} kills it whatever happened.
 */
final class JavaProcess implements AutoCloseable {
  static final Path AGENT_JAR = Paths.get(System.getProperty("agent.jar"));
  static final Path DEMO_JAR = Paths.get(System.getProperty("demo.jar"));
  private static final Path JAVA =
      Paths.get(System.getProperty("it.java.home", System.getProperty("java.home")), "bin", "java");

  /** The tests' own classes, for launching the small test applications among them. */
  static String testClasses() {
    try {
      return Paths.get(
              JavaProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** JAVA_VERSION from the launched JDK's release file, such as 17.0.15. */
  static String javaVersion() throws IOException {
    Path release = JAVA.getParent().getParent().resolve("release");
    for (String line : Files.readAllLines(release)) {
      if (line.startsWith("JAVA_VERSION=")) {
        return line.substring("JAVA_VERSION=".length()).replace("\"", "");
      }
    }
    throw new IllegalStateException("no JAVA_VERSION in " + release);
  }

  private final Process process;
  private final List<String> stdout = new CopyOnWriteArrayList<>();
  private final List<String> stderr = new CopyOnWriteArrayList<>();

  private JavaProcess(Process process) {
    this.process = process;
    drain(process.getInputStream(), stdout, "stdout");
    drain(process.getErrorStream(), stderr, "stderr");
  }

  static JavaProcess start(List<String> arguments, Map<String, String> environment)
      throws IOException {
    if (!Files.isRegularFile(AGENT_JAR) || !Files.isRegularFile(DEMO_JAR)) {
      throw new IllegalStateException("build the jars first: mvn package (" + AGENT_JAR + ")");
    }
    List<String> command = new ArrayList<>();
    command.add(JAVA.toString());
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(k -> k.startsWith("STATUS_EXPORTER_"));
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder.environment().putAll(environment);
    return new JavaProcess(builder.start());
  }

  /** A JVM with these arguments, the agent's among them, in {@code directory}. */
  static JavaProcess startIn(Path directory, List<String> arguments) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(JAVA.toString());
    command.addAll(arguments);
    return script(command, directory, Map.of());
  }

  /**
   * A script that starts a JVM as its users start it ({@code bin/catalina.sh run}), in {@code
   * directory}, with these environment variables; the script must {@code exec} the JVM, so that
   * {@link #close()} stops it.
   */
  static JavaProcess script(List<String> command, Path directory, Map<String, String> environment)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("STATUS_EXPORTER_"));
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder.environment().put("JAVA_HOME", JAVA.getParent().getParent().toString());
    builder.environment().putAll(environment);
    return new JavaProcess(builder.start());
  }

  /** The demo app on {@code appPort}, with the agent and {@code agentArguments} if not null. */
  static JavaProcess demoApp(int appPort, String agentArguments) throws IOException {
    return demoApp(appPort, agentArguments, Map.of());
  }

  /** The demo app as above, with these environment variables. */
  static JavaProcess demoApp(int appPort, String agentArguments, Map<String, String> environment)
      throws IOException {
    List<String> arguments = new ArrayList<>();
    if (agentArguments != null) {
      arguments.add("-javaagent:" + AGENT_JAR + "=" + agentArguments);
    }
    arguments.addAll(List.of("-jar", DEMO_JAR.toString(), "--port", String.valueOf(appPort)));
    JavaProcess process = start(arguments, environment);
    process.awaitStdout(line -> line.startsWith("demo-app ready"), Duration.ofSeconds(30));
    return process;
  }

  /**
   * The demo app on {@code appPort}, its agent on {@code agentPort} reading the app's status and
   * secured by the web-config file {@code webConfig}.
   */
  static JavaProcess securedDemoApp(int appPort, int agentPort, Path webConfig) throws IOException {
    return demoApp(
        appPort,
        "port="
            + agentPort
            + ",source=http://localhost:"
            + appPort
            + "/status,web-config="
            + webConfig);
  }

  /** A servlet test app on {@code appPort}, with the agent and {@code agentArguments}. */
  static JavaProcess servletApp(ServletApp app, int appPort, String agentArguments)
      throws IOException {
    return servletApp(List.of("-jar", app.jar().toString()), appPort, agentArguments);
  }

  /** As above, the app in a class loader of its own ({@link IsolatedApp}). */
  static JavaProcess isolatedServletApp(ServletApp app, int appPort, String agentArguments)
      throws IOException {
    return servletApp(
        List.of("-cp", testClasses(), IsolatedApp.class.getName(), app.jar().toString()),
        appPort,
        agentArguments);
  }

  /**
   * A Spring Boot test app as its users launch it, {@code java -jar app.jar --server.port=N}, with
   * the agent and {@code agentArguments}; returned once Spring says it has started.
   */
  static JavaProcess springBootApp(SpringBootApp app, int appPort, String agentArguments)
      throws IOException {
    return springBootApp(app, appPort, agentArguments, List.of());
  }

  /**
   * A Spring Boot fat jar launched with {@code java -jar}, with the agent and {@code
   * agentArguments} if not null, and the application's own {@code --key=value} arguments.
   */
  static JavaProcess springBootApp(
      SpringBootApp app, int appPort, String agentArguments, List<String> appArguments)
      throws IOException {
    List<String> arguments = new ArrayList<>();
    if (agentArguments != null) {
      arguments.add("-javaagent:" + AGENT_JAR + "=" + agentArguments);
    }
    arguments.addAll(List.of("-jar", app.jar().toString(), "--server.port=" + appPort));
    arguments.addAll(appArguments);
    JavaProcess process = start(arguments, Map.of());
    process.awaitStdout(line -> line.contains(" Started SpringBoot"), Duration.ofSeconds(90));
    return process;
  }

  /**
   * The plain Reactor Netty application of a module of servlet-apps ({@code reactor-netty}, {@code
   * reactor-netty-1.1}), its libraries beside it.
   */
  static JavaProcess reactorNettyApp(String module, int appPort, String agentArguments)
      throws IOException {
    Path jar = Paths.get(System.getProperty("servlet.apps"), module, "target", module + "-app.jar");
    JavaProcess process =
        start(
            List.of(
                "-javaagent:" + AGENT_JAR + "=" + agentArguments,
                "-jar",
                jar.toString(),
                String.valueOf(appPort)),
            Map.of());
    process.awaitStdout(line -> line.startsWith("reactor-netty-app ready"), Duration.ofSeconds(30));
    return process;
  }

  /** The plain Undertow application of servlet-apps/undertow, its libraries beside it. */
  static JavaProcess undertowApp(int appPort, String agentArguments) throws IOException {
    return undertowApp("undertow", appPort, agentArguments);
  }

  /** The plain Undertow app of module {@code undertow}, or {@code undertow-1.4} (built for 1.4). */
  static JavaProcess undertowApp(String module, int appPort, String agentArguments)
      throws IOException {
    Path jar = Paths.get(System.getProperty("servlet.apps"), module, "target", module + "-app.jar");
    JavaProcess process =
        start(
            List.of(
                "-javaagent:" + AGENT_JAR + "=" + agentArguments,
                "-jar",
                jar.toString(),
                String.valueOf(appPort)),
            Map.of());
    process.awaitStdout(line -> line.startsWith("undertow-app ready"), Duration.ofSeconds(30));
    return process;
  }

  /**
   * The Vert.x web application of a module of servlet-apps ({@code vertx-web}, {@code vertx5-web}),
   * a fat jar run by Vert.x's launcher as its users run it ({@code java -Dhttp.port=N -jar
   * vertx-web-app.jar}), with the agent and {@code agentArguments} if not null; returned once it
   * listens.
   */
  static JavaProcess vertxApp(String module, int appPort, String agentArguments)
      throws IOException {
    Path jar = Paths.get(System.getProperty("servlet.apps"), module, "target", module + "-app.jar");
    List<String> arguments = new ArrayList<>();
    if (agentArguments != null) {
      arguments.add("-javaagent:" + AGENT_JAR + "=" + agentArguments);
    }
    arguments.addAll(List.of("-Dhttp.port=" + appPort, "-jar", jar.toString()));
    JavaProcess process = start(arguments, Map.of());
    process.awaitStderr(line -> line.startsWith("serving http://"), Duration.ofSeconds(30));
    return process;
  }

  /**
   * The Quarkus application of servlet-apps/quarkus, a fast-jar launched as Quarkus documents it
   * ({@code java -Dquarkus.http.port=N -jar target/quarkus-app/quarkus-run.jar}), with the agent
   * and {@code agentArguments}; returned once Quarkus says it listens.
   */
  static JavaProcess quarkusApp(int appPort, String agentArguments) throws IOException {
    Path jar =
        Paths.get(
            System.getProperty("servlet.apps"),
            "quarkus",
            "target",
            "quarkus-app",
            "quarkus-run.jar");
    JavaProcess process =
        start(
            List.of(
                "-javaagent:" + AGENT_JAR + "=" + agentArguments,
                "-Dquarkus.http.port=" + appPort,
                "-jar",
                jar.toString()),
            Map.of());
    process.awaitStdout(line -> line.contains(" Listening on: http://"), Duration.ofSeconds(60));
    return process;
  }

  private static JavaProcess servletApp(List<String> launch, int appPort, String agentArguments)
      throws IOException {
    List<String> arguments = new ArrayList<>();
    if (agentArguments != null) {
      arguments.add("-javaagent:" + AGENT_JAR + "=" + agentArguments);
    }
    arguments.addAll(launch);
    arguments.add(String.valueOf(appPort));
    JavaProcess process = start(arguments, Map.of());
    process.awaitStdout(line -> line.startsWith("servlet-app ready"), Duration.ofSeconds(30));
    return process;
  }

  private static void drain(InputStream stream, List<String> lines, String name) {
    Thread thread =
        new Thread(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                  lines.add(line);
                }
              } catch (IOException e) {
                // the process is gone
              }
            },
            "drain-" + name);
    thread.setDaemon(true);
    thread.start();
  }

  void awaitStdout(Predicate<String> line, Duration timeout) {
    await(stdout, line, timeout, "stdout");
  }

  void awaitStderr(Predicate<String> line, Duration timeout) {
    await(stderr, line, timeout, "stderr");
  }

  private void await(List<String> lines, Predicate<String> line, Duration timeout, String name) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (lines.stream().noneMatch(line)) {
      if (System.nanoTime() > deadline || !process.isAlive()) {
        throw new AssertionError(
            "no such line on "
                + name
                + " within "
                + timeout
                + "; stdout: "
                + stdout
                + "; stderr: "
                + stderr);
      }
      Wait.sleep(50);
    }
  }

  List<String> stdout() {
    return List.copyOf(stdout);
  }

  List<String> stderr() {
    return List.copyOf(stderr);
  }

  /**
   * The lines on stderr but the agent's {@code measuring requests on ...}, one per server it
   * instruments, which tests of other things leave aside.
   */
  List<String> stderrBesidesServersMeasured() {
    return stderr().stream()
        .filter(line -> !line.startsWith("status-exporter: measuring requests on "))
        .toList();
  }

  /** What {@code jcmd <pid> <command>} prints for the process. */
  String jcmd(String command) throws IOException, InterruptedException {
    Path jcmd = JAVA.getParent().resolve("jcmd");
    Process run =
        new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), command)
            .redirectErrorStream(true)
            .start();
    String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    run.waitFor(30, TimeUnit.SECONDS);
    return output;
  }

  /** The header line of each thread in a {@code jcmd Thread.print} of the process. */
  List<String> threadDump() throws IOException, InterruptedException {
    String output = jcmd("Thread.print");
    List<String> headers = new ArrayList<>();
    for (String line : output.split("\n")) {
      if (line.startsWith("\"")) {
        headers.add(line);
      }
    }
    return headers;
  }

  /** CPU time the process has used so far, all its threads. */
  Duration cpuTime() {
    return process.toHandle().info().totalCpuDuration().orElseThrow();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  /**
   * {@code java -jar status-exporter.jar} with these arguments, on the JDK the applications run on,
   * run to its end.
   */
  static JavaProcess tool(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("-jar", AGENT_JAR.toString()));
    command.addAll(List.of(arguments));
    JavaProcess tool = start(command, Map.of());
    if (tool.awaitExit(Duration.ofSeconds(60)) == null) {
      tool.close();
      throw new IllegalStateException("the tool did not end in 60 s: " + tool.stderr());
    }
    return tool;
  }

  /** The exit code, or null if it has not exited within the timeout. */
  Integer awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
  }

  /** Kills it with SIGKILL, as the kernel's out-of-memory killer would: no exit hook runs. */
  void killOutright() throws InterruptedException {
    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    // First the JVMs it started, if any (Jetty's start.jar with --exec, the JVM that
    // bin/activemq starts with sh -c), which it may not stop; and they too must have ended, for
    // a test that deletes the files they write.
    List<ProcessHandle> descendants = process.descendants().toList();
    descendants.forEach(ProcessHandle::destroy);
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
    for (ProcessHandle descendant : descendants) {
      try {
        descendant.onExit().get(10, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        descendant.destroyForcibly();
      }
    }
  }
}
