package io.github.statusexporter.cli;

import com.sun.tools.attach.AttachOperationFailedException;
import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** A JVM on this machine that this user may attach to, as the JDK's attach API lists it. */
final class RunningJvm {
  final String pid;

  /** Its main class or jar, and arguments, as {@code jps -l -m} shows them. */
  final String name;

  private RunningJvm(String pid, String name) {
    this.pid = pid;
    this.name = name;
  }

  /** Every JVM but this tool's own, by pid. */
  static List<RunningJvm> all() {
    String self = String.valueOf(ProcessHandle.current().pid());
    List<RunningJvm> jvms = new ArrayList<>();
    for (VirtualMachineDescriptor descriptor : VirtualMachine.list()) {
      if (!descriptor.id().equals(self)) {
        jvms.add(new RunningJvm(descriptor.id(), descriptor.displayName()));
      }
    }
    jvms.sort(Comparator.comparingLong(jvm -> Long.parseLong(jvm.pid)));
    return jvms;
  }

  /**
   * The JVM of this pid, listed or not (the list misses JVMs started with {@code
   * -XX:-UsePerfData}); or the JVMs whose name contains a match of the regular expression.
   */
  static List<RunningJvm> matching(String pidOrPattern) throws AttachFailure {
    List<RunningJvm> all = all();
    if (pidOrPattern.chars().allMatch(Character::isDigit)) {
      for (RunningJvm jvm : all) {
        if (jvm.pid.equals(pidOrPattern)) {
          return List.of(jvm);
        }
      }
      return List.of(new RunningJvm(pidOrPattern, "(not listed)"));
    }
    Pattern pattern;
    try {
      pattern = Pattern.compile(pidOrPattern);
    } catch (PatternSyntaxException e) {
      throw new AttachFailure(
          "'"
              + pidOrPattern
              + "' is neither a pid nor a regular expression: "
              + e.getDescription());
    }
    List<RunningJvm> matches = new ArrayList<>();
    for (RunningJvm jvm : all) {
      if (pattern.matcher(jvm.name).find()) {
        matches.add(jvm);
      }
    }
    return matches;
  }

  /**
   * Its system properties, where the agent keeps its state.
   *
   * @throws AttachFailure when the JVM cannot be attached to, saying why
   */
  Properties properties() throws AttachFailure {
    VirtualMachine vm = AttachFailure.attach(pid);
    try {
      return systemProperties(vm);
    } catch (Exception e) {
      throw AttachFailure.of(pid, e);
    } finally {
      AttachFailure.detach(vm);
    }
  }

  /** Reads of a JVM's properties before a failed one is taken as the answer. */
  static final int PROPERTY_READS = 10;

  /**
   * The JVM's system properties. Read again when a read fails: the JDK's attach listener (17 and 25
   * alike, {@code VMSupport}) copies them by taking their names, then each value, and fails with a
   * {@code NullPointerException} when a property goes in between (as the agent's own do while it
   * starts).
   */
  static Properties systemProperties(VirtualMachine vm) throws IOException, InterruptedException {
    for (int read = 1; ; read++) {
      try {
        return vm.getSystemProperties();
      } catch (AttachOperationFailedException e) {
        if (read == PROPERTY_READS) {
          throw e;
        }
        Thread.sleep(20);
      }
    }
  }

  @Override
  public String toString() {
    return pid + " " + name;
  }
}
