package io.github.statusexporter.cli;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** A JVM that cannot be attached to, with what to do about it in the message. */
final class AttachFailure extends Exception {
  private static final long serialVersionUID = 1L;

  AttachFailure(String message) {
    super(message);
  }

  static VirtualMachine attach(String pid) throws AttachFailure {
    try {
      return VirtualMachine.attach(pid);
    } catch (Exception e) {
      throw of(pid, e);
    }
  }

  static void detach(VirtualMachine vm) {
    try {
      vm.detach();
    } catch (IOException e) {
      // the JVM is gone, or hung up first: nothing is left to release
    }
  }

  /** The failure, with the likely cause: another user, another container, no such JVM. */
  static AttachFailure of(String pid, Exception e) {
    Path process = Paths.get("/proc", pid);
    String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (Files.isDirectory(Paths.get("/proc/self")) && !Files.exists(process)) {
      return new AttachFailure("no process " + pid + " on this machine");
    }
    try {
      String owner = Files.getOwner(process).getName();
      String self = System.getProperty("user.name");
      if (!owner.equals(self) && !"root".equals(self)) {
        return new AttachFailure(
            "cannot attach to "
                + pid
                + ": it runs as user "
                + owner
                + " and this tool as "
                + self
                + "; run the tool as that user (sudo -u "
                + owner
                + " java -jar status-exporter.jar ...)");
      }
      Path namespace = process.resolve("ns/pid");
      if (Files.exists(namespace)
          && !Files.readSymbolicLink(namespace)
              .equals(Files.readSymbolicLink(Paths.get("/proc/self/ns/pid")))) {
        return new AttachFailure(
            "cannot attach to "
                + pid
                + ": it runs in another container (pid namespace); run the tool inside that"
                + " container, with the jar there (kubectl exec, docker exec) ("
                + why
                + ")");
      }
    } catch (IOException | UnsupportedOperationException | SecurityException other) {
      // no /proc to learn more from: the JDK's own words below
    }
    return new AttachFailure(
        "cannot attach to "
            + pid
            + " ("
            + why
            + "); is it a JVM, started with -XX:+DisableAttachMechanism, or a JRE without the"
            + " attach listener?");
  }
}
