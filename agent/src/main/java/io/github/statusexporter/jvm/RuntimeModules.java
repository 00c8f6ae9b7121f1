package io.github.statusexporter.jvm;

import java.util.List;
import java.util.Optional;

/**
 * The JDK modules beyond {@code java.base} that the agent uses, which a Java runtime made with
 * {@code jlink} may leave out: {@code jdk.management}, which a runtime made from {@code jdeps
 * --print-module-deps} has only if the application names {@code com.sun.management}, and {@code
 * java.management}, without which the agent cannot start.
 */
public final class RuntimeModules {
  /** HotSpot's management extensions ({@code com.sun.management}). */
  static final String JDK_MANAGEMENT = "jdk.management";

  /**
   * The families that come from {@link #JDK_MANAGEMENT}, or on Linux from {@code /proc} ({@link
   * LinuxProcessCounters}).
   */
  static final List<String> PROCESS_FAMILIES =
      List.of("process_cpu_seconds_total", "process_open_fds", "process_max_fds");

  /** The families that come from {@link #JDK_MANAGEMENT} only: the collectors' notifications. */
  static final List<String> JDK_MANAGEMENT_FAMILIES =
      List.of("jvm_memory_pool_allocated_bytes_total");

  /**
   * client_java's native memory families, which also come from {@link #JDK_MANAGEMENT} only (its
   * diagnostic command), when the JVM tracks its native memory.
   */
  static final List<String> NATIVE_MEMORY_FAMILIES =
      List.of("jvm_native_memory_reserved_bytes", "jvm_native_memory_committed_bytes");

  static final String JAVA_MANAGEMENT = "java.management";

  private RuntimeModules() {}

  /**
   * Whether the JVM's arguments turn native memory tracking on ({@code
   * -XX:NativeMemoryTracking=summary} or {@code detail}, the last one given counting): without
   * {@link #JDK_MANAGEMENT} there is no other way to ask.
   */
  static boolean tracksNativeMemory(List<String> jvmArguments) {
    String tracking = "off";
    for (String argument : jvmArguments) {
      // A flags file's (-XX:Flags=FILE) options are listed without their -XX:.
      String option = argument.startsWith("-XX:") ? argument.substring("-XX:".length()) : argument;
      if (option.startsWith("NativeMemoryTracking=")) {
        tracking = option.substring("NativeMemoryTracking=".length());
      }
    }
    return !tracking.equals("off");
  }

  /** Whether this JVM has the module {@code name}. */
  static boolean has(String name) {
    return ModuleLayer.boot().findModule(name).isPresent();
  }

  /**
   * Why the agent could not start, when it is that this runtime has no {@code java.management}: the
   * class of an error from it, named in {@code failure} or its causes, is one of that module's.
   */
  public static Optional<String> missingJavaManagement(Throwable failure) {
    for (Throwable e = failure; e != null; e = e.getCause()) {
      if (e instanceof NoClassDefFoundError || e instanceof ClassNotFoundException) {
        String missing = String.valueOf(e.getMessage()).replace('/', '.');
        if ((missing.startsWith("java.lang.management.") || missing.startsWith("javax.management."))
            && !has(JAVA_MANAGEMENT)) {
          return Optional.of(
              "this JVM has no module "
                  + JAVA_MANAGEMENT
                  + ", which the agent needs ("
                  + e
                  + "): "
                  + howToAdd(JAVA_MANAGEMENT));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A module is missing from a runtime made with {@code jlink} without it, or from the modules a
   * JVM resolved ({@code --limit-modules}, or {@code -m} with a main module that needs neither).
   */
  static String howToAdd(String module) {
    return "add it to the runtime image (jlink --add-modules "
        + module
        + ") or, if the image has it, to the java command (--add-modules "
        + module
        + ")";
  }
}
