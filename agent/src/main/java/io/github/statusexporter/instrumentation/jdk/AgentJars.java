package io.github.statusexporter.instrumentation.jdk;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The jars named by {@code -javaagent:} on the JVM's command line (also from {@code
 * JAVA_TOOL_OPTIONS}), as real paths: code loaded from one of them, other than this agent's own, is
 * another agent's.
 */
final class AgentJars {
  private static final String OPTION = "-javaagent:";

  private AgentJars() {}

  /**
   * @param inputArguments the JVM's options, as {@code RuntimeMXBean.getInputArguments()} lists
   *     them
   * @param workingDirectory where relative jar paths start from: the JVM's {@code user.dir}
   */
  static List<Path> named(List<String> inputArguments, Path workingDirectory) {
    List<Path> jars = new ArrayList<>();
    for (String argument : inputArguments) {
      if (argument.startsWith(OPTION)) {
        String jarAndOptions = argument.substring(OPTION.length());
        int options = jarAndOptions.indexOf('=');
        String jar = options < 0 ? jarAndOptions : jarAndOptions.substring(0, options);
        try {
          jars.add(CodeLocations.real(workingDirectory.resolve(Paths.get(jar))));
        } catch (RuntimeException e) {
          // Not a path this file system knows: no code can come from it.
        }
      }
    }
    return List.copyOf(jars);
  }
}
