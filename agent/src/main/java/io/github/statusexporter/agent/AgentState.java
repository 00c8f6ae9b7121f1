package io.github.statusexporter.agent;

import io.github.statusexporter.source.Redaction;
import java.io.File;
import java.io.IOException;
import java.util.Properties;

/**
 * What the agent is doing in this JVM, kept in system properties: the one place that another class
 * loader's copy of the agent, a second attach, and the command-line tool ({@code java -jar
 * status-exporter.jar status PID}, which reads a JVM's system properties through the attach API)
 * all see. The names are outside the {@code statusexporter.} prefix, which holds options.
 */
public final class AgentState {
  /** {@value #STARTING}, {@value #SERVING}, {@value #FAILED} or {@value #REFUSED}. */
  public static final String STATE = "io.github.statusexporter.state";

  /** The metrics endpoint's URL, once serving. */
  public static final String URL = "io.github.statusexporter.url";

  /** The agent arguments it was started with, secrets masked. */
  public static final String OPTIONS = "io.github.statusexporter.options";

  /** Why it does not serve, once failed. */
  public static final String FAILURE = "io.github.statusexporter.failure";

  public static final String VERSION = "io.github.statusexporter.version";

  /**
   * The JVM the state is of: a launcher that passes its own system properties on to a JVM it starts
   * (as -D flags) hands the state over too, and the child's agent must not take it as its own.
   */
  public static final String PID = "io.github.statusexporter.pid";

  /**
   * Present while the agent that claimed the JVM has not read its options yet (on a thread of its
   * own, from {@code premain}): another agent loaded meanwhile waits to know whether they were
   * refused, which leaves the JVM to it.
   */
  static final String OPTIONS_PENDING = "io.github.statusexporter.options-pending";

  /** Longest a second agent waits for the first one's options to be read. */
  private static final long OPTIONS_WAIT_NANOS = 2_000_000_000L;

  public static final String STARTING = "starting";
  public static final String SERVING = "serving";
  public static final String FAILED = "failed";

  /** Refused its options: it measures nothing, and another attach may try again. */
  public static final String REFUSED = "refused";

  private AgentState() {}

  // What claim found: numbers, not an enum, which would be one class more on premain (each class
  // of the agent loaded there takes ~0.4 ms of the application's main thread, JDK 25).

  /** An agent was loaded before (with {@code -javaagent} or an earlier attach): not started. */
  static final int ALREADY_LOADED = 0;

  static final int CLAIMED = 1;

  /** Claimed from an agent of this JVM whose options were refused. */
  static final int CLAIMED_AFTER_REFUSAL = 2;

  /**
   * Marks the agent as starting in this JVM, unless one is there already. On {@code premain}, so
   * that of two agents on one command line the first claims the JVM. Its options follow from the
   * options thread ({@link #optionsGiven}).
   *
   * @return {@link #ALREADY_LOADED}, {@link #CLAIMED} or {@link #CLAIMED_AFTER_REFUSAL}
   */
  static int claim(String version) throws InterruptedException {
    Properties properties = System.getProperties();
    String pid = pid();
    awaitOptionsRead(properties, pid);
    int claim;
    synchronized (properties) {
      Object state = properties.get(STATE);
      boolean inherited = state != null && !pid.equals(properties.get(PID));
      if (state != null && !inherited && !REFUSED.equals(state)) {
        return ALREADY_LOADED;
      }
      claim = !inherited && REFUSED.equals(state) ? CLAIMED_AFTER_REFUSAL : CLAIMED;
      properties.put(STATE, STARTING);
      properties.put(PID, pid);
      properties.put(OPTIONS_PENDING, "true");
      properties.remove(URL);
      properties.remove(OPTIONS); // another agent's, or a parent JVM's
    }
    properties.remove(FAILURE);
    properties.setProperty(VERSION, version);
    return claim;
  }

  /**
   * The options the agent was started with, secrets masked: on the options thread rather than
   * {@code premain} (masking them loads two classes), before {@link #optionsRead}, which an agent
   * loaded after this one waits for and then shows them.
   */
  static void optionsGiven(String arguments) {
    System.setProperty(OPTIONS, Redaction.urlsIn(arguments == null ? "" : arguments));
  }

  /** The options are read, whatever they said: an agent loaded after this one may decide. */
  static void optionsRead() {
    System.getProperties().remove(OPTIONS_PENDING);
  }

  /**
   * Waits while another agent of this JVM reads its options (milliseconds): a refused one (a bad
   * option in {@code JAVA_TOOL_OPTIONS}) leaves the JVM to this one, as when it refused on {@code
   * premain}. An inherited mark (another pid) is not waited for.
   */
  private static void awaitOptionsRead(Properties properties, String pid)
      throws InterruptedException {
    long deadline = System.nanoTime() + OPTIONS_WAIT_NANOS;
    while (properties.get(OPTIONS_PENDING) != null
        && pid.equals(properties.get(PID))
        && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
  }

  /**
   * This JVM's process id: on Linux the name {@code /proc/self} links to, which costs a system
   * call; {@code ProcessHandle}'s first use bootstraps lambdas, the JVM's first of its start when
   * it runs on {@code premain} (a few milliseconds before the application's main).
   */
  static String pid() {
    try {
      String name = new File("/proc/self").getCanonicalFile().getName();
      if (!name.isEmpty() && isDigits(name)) {
        return name;
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return String.valueOf(ProcessHandle.current().pid());
  }

  private static boolean isDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  // The state first, then the options marked read: an agent loaded after this one waits for that
  // mark and then reads the state (a refusal leaves the JVM to it).

  static void serving(String url) {
    System.setProperty(URL, url);
    System.setProperty(STATE, SERVING);
    optionsRead();
  }

  /** It does not serve, and it may have instrumented the application: it stays the only one. */
  static void failed(String why) {
    System.setProperty(FAILURE, why);
    System.setProperty(STATE, FAILED);
    optionsRead();
  }

  /**
   * Its options were refused: nothing measures (the JDK server's provider named on {@code premain}
   * wraps nothing), and a later attach, or another agent of the command line, may start one.
   */
  static void refused(String why) {
    System.setProperty(FAILURE, why);
    System.setProperty(STATE, REFUSED);
    optionsRead();
  }

  /** The line for an agent loaded a second time, which does not start. */
  static String alreadyLoaded() {
    String state = System.getProperty(STATE);
    String where =
        SERVING.equals(state)
            ? "serving " + System.getProperty(URL)
            : FAILED.equals(state) ? "not serving: " + System.getProperty(FAILURE) : state;
    return "already loaded in this JVM ("
        + where
        + ", options '"
        + System.getProperty(OPTIONS, "")
        + "'); a second one is not started. To change its options, restart the application"
        + " with them";
  }
}
