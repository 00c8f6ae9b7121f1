package io.github.statusexporter.instrumentation;

import io.github.statusexporter.family.InfoFamily;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The servers and frameworks whose requests the agent measures, each said once: a line at the time
 * it is instrumented ({@code measuring requests on Tomcat 11.0.24}) and the series {@code
 * status_exporter_server_info{server="Tomcat",version="11.0.24"} 1} (made by the agent's start).
 * Also one it found but does not measure: the line for it ({@code no request metrics for Undertow
 * 1.4.28.Final: ...}) and {@code status_exporter_unmeasured_server_info{server="Undertow
 * 1.4.28.Final"} 1}. Static because servers are instrumented from the JVM's class loading, possibly
 * before the agent's metrics exist.
 */
public final class MeasuredServers {
  /** Server and version, by server: kept, as one may be instrumented before the metrics exist. */
  private static final Map<String, String[]> measured = new LinkedHashMap<>();

  /** The servers not measured, kept as those measured are. */
  private static final Set<String> notMeasured = new LinkedHashSet<>();

  /**
   * No lambdas in this class: it is loaded on the options thread, beside the application's start.
   */
  private static Consumer<String> log;

  /** Has a series for each server measured, once the agent's metrics exist. */
  private static InfoFamily measuredInfo;

  /** Has a series for each server not measured. */
  private static InfoFamily notMeasuredInfo;

  private MeasuredServers() {}

  /** Where the lines go: the agent's log. Installed at the agent's start, before any weaving. */
  public static synchronized void logTo(Consumer<String> agentLog) {
    log = agentLog;
  }

  /**
   * Adds a series of server and version to {@code info} for the servers measured so far, then for
   * each measured from now on (the info metric, made on the agent's background start, after servers
   * may have been instrumented).
   */
  public static synchronized void tell(InfoFamily info) {
    for (String[] labels : measured.values()) {
      info.add(labels);
    }
    measuredInfo = info;
  }

  /**
   * A server or framework is instrumented: said once per server, with the version it had first.
   *
   * @param version its version, or "" when it does not say
   */
  public static synchronized void measured(String server, String version) {
    if (measured.putIfAbsent(server, new String[] {server, version}) != null) {
      return;
    }
    say("measuring requests on " + server + (version.isEmpty() ? "" : " " + version));
    if (measuredInfo != null) {
      measuredInfo.add(server, version);
    }
  }

  /**
   * Adds a series of the server to {@code info} for the servers not measured so far, then for each
   * from now on (the info metric of those, made on the agent's start).
   */
  public static synchronized void tellNotMeasured(InfoFamily info) {
    for (String server : notMeasured) {
      info.add(server);
    }
    notMeasuredInfo = info;
  }

  /**
   * A server or framework the agent knows is there but does not measure: said once, with why.
   *
   * @param server as the line and the series name it, with its version when it has one
   */
  public static synchronized void notMeasured(String server, String why) {
    if (addNotMeasured(server)) {
      say(notMeasuredLine(server, why));
    }
  }

  /**
   * As {@link #notMeasured(String, String)}, its line said to {@code lineLog}: a log that holds its
   * lines until the agent's options are read, for a server left out before then.
   */
  public static synchronized void notMeasured(String server, String why, Consumer<String> lineLog) {
    if (addNotMeasured(server)) {
      lineLog.accept(notMeasuredLine(server, why));
    }
  }

  private static boolean addNotMeasured(String server) {
    if (!notMeasured.add(server)) {
      return false;
    }
    if (notMeasuredInfo != null) {
      notMeasuredInfo.add(server);
    }
    return true;
  }

  private static String notMeasuredLine(String server, String why) {
    return "no request metrics for " + server + ": " + why;
  }

  private static void say(String line) {
    if (log != null) {
      log.accept(line);
    }
  }
}
