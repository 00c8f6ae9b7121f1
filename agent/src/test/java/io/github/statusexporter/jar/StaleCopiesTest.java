package io.github.statusexporter.jar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copies left by JVMs killed outright are removed; those of running JVMs and anything else stay.
 */
class StaleCopiesTest {
  @TempDir Path directory;

  @TempDir Path agentDirectory;

  /**
   * Another JVM: {@code hold FILE} locks the file as the agent does and says {@code locked}, until
   * it is killed; {@code try FILE} says whether it could lock it.
   */
  public static final class OtherJvm {
    public static void main(String[] arguments) throws Exception {
      try (FileChannel channel =
          FileChannel.open(Paths.get(arguments[1]), StandardOpenOption.WRITE)) {
        if (arguments[0].equals("hold")) {
          channel.lock();
          System.out.println("locked");
          System.out.flush();
          Thread.sleep(60_000);
        } else {
          System.out.println(channel.tryLock() == null ? "held" : "free");
        }
      }
    }
  }

  @Test
  void aCopyHeldByARunningJvmStaysAndGoesOnceThatJvmIsKilled() throws Exception {
    Path held = copy("status-exporter-after-start-1.jar");
    Path left = copy("status-exporter-after-start-2.jar");
    Process holder = otherJvm("hold", StaleCopies.lockOf(held));
    try {
      assertThat(firstLine(holder)).isEqualTo("locked");

      assertThat(StaleCopies.remove(directory, Instant.now(), owner())).isEqualTo(1);
      assertThat(held).exists();
      assertThat(StaleCopies.lockOf(held)).exists();
      assertThat(left).doesNotExist();
      assertThat(StaleCopies.lockOf(left)).doesNotExist();
    } finally {
      holder.destroyForcibly(); // SIGKILL: the JVM's exit hooks do not run
      assertThat(holder.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    assertThat(StaleCopies.remove(directory, Instant.now(), owner())).isEqualTo(1);
    assertThat(held).doesNotExist();
    assertThat(StaleCopies.lockOf(held)).doesNotExist();
  }

  @Test
  void aCopyJustMadeACopyWithoutLockFileOtherFilesAndLinksStay() throws Exception {
    Path young = Files.writeString(directory.resolve("status-exporter-weaver-3.jar"), "new");
    Files.createFile(StaleCopies.lockOf(young));
    Path earlierAgents = old(Files.writeString(directory.resolve("status-exporter-x-4.jar"), "x"));
    Path other = old(Files.writeString(directory.resolve("someone-elses.jar"), "theirs"));
    Path target = copy("target.jar");
    Path link = Files.createSymbolicLink(directory.resolve("status-exporter-link-5.jar"), target);
    old(Files.createFile(StaleCopies.lockOf(link)));
    Path folder = Files.createDirectory(directory.resolve("status-exporter-folder-6.jar"));
    old(Files.createFile(StaleCopies.lockOf(folder)));
    Path lockLink =
        Files.createSymbolicLink(
            StaleCopies.lockOf(directory.resolve("status-exporter-x-7.jar")),
            StaleCopies.lockOf(target));

    assertThat(StaleCopies.remove(directory, Instant.now(), owner())).isZero();
    for (Path stays : new Path[] {young, earlierAgents, other, link, target, folder, lockLink}) {
      assertThat(stays).exists();
    }
    assertThat(StaleCopies.lockOf(target)).exists();

    // Once old enough, the copy nobody holds goes.
    Instant later = Instant.now().plus(StaleCopies.MIN_AGE);
    assertThat(StaleCopies.remove(directory, later, owner())).isOne();
    assertThat(young).doesNotExist();
  }

  @Test
  void anotherUsersCopiesStay() throws Exception {
    Path theirs = copy("status-exporter-after-start-8.jar");
    UserPrincipal someoneElse = () -> "someone-else";

    assertThat(StaleCopies.remove(directory, Instant.now(), someoneElse)).isZero();
    assertThat(theirs).exists();
  }

  @Test
  void aCopyWhoseLockCannotBeTakenIsNotHeldAndWhyIsKept() throws Exception {
    // As on a file system without locks: here this JVM holds the lock already, through another
    // channel, and the JDK refuses to take it again.
    Path copy = Files.writeString(directory.resolve("status-exporter-weaver-10.jar"), "jar");
    Files.createFile(StaleCopies.lockOf(copy));
    assertThat(StaleCopies.hold(copy)).isTrue();

    assertThat(StaleCopies.hold(copy)).isFalse();
    assertThat(StaleCopies.lockFailure())
        .hasValueSatisfying(why -> assertThat(why).contains("OverlappingFileLockException"));
  }

  @Test
  void aLockFileWhoseCopyIsGoneGoesUncounted() throws Exception {
    Path lock = old(Files.createFile(directory.resolve("status-exporter-after-start-9.jar.lock")));

    assertThat(StaleCopies.remove(directory, Instant.now(), owner())).isZero();
    assertThat(lock).doesNotExist();
  }

  @Test
  void thisJvmsOwnCopyStaysAndKeepsItsLock() throws Exception {
    String entry = "META-INF/status-exporter/after-start.jar";
    Path copy =
        InnerJar.copy(
                StaleCopiesTest.class.getClassLoader(),
                InnerJarTest.agentJarIn(agentDirectory),
                entry,
                "the libraries",
                directory)
            .orElseThrow();
    // An hour later (not by setting the lock file's time: the JDK opens a file to set it, and
    // closing that descriptor would drop this JVM's lock), the directory spelt otherwise, as a
    // java.io.tmpdir of "/tmp/." would be.
    Instant later = Instant.now().plus(Duration.ofHours(1));
    Path respelt = directory.resolve(".");

    assertThat(StaleCopies.remove(respelt, later, owner())).isZero();
    assertThat(StaleCopies.remove(directory, later, owner())).isZero();
    assertThat(StaleCopies.remove(directory)).isZero();
    assertThat(copy).exists();
    assertThat(Files.readString(copy)).isEqualTo("the inner jar's bytes");
    // Looking did not let the lock go: another process still cannot take it.
    Process trying = otherJvm("try", StaleCopies.lockOf(copy));
    assertThat(firstLine(trying)).isEqualTo("held");
    assertThat(trying.waitFor(10, TimeUnit.SECONDS)).isTrue();
  }

  /** A copy and its lock file, as a JVM that was killed an hour ago left them. */
  private Path copy(String name) throws Exception {
    old(Files.createFile(StaleCopies.lockOf(directory.resolve(name))));
    return old(Files.writeString(directory.resolve(name), "a copy"));
  }

  private UserPrincipal owner() throws Exception {
    return Files.getOwner(directory);
  }

  private static Path old(Path file) throws Exception {
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
    return file;
  }

  private static Process otherJvm(String what, Path file) throws Exception {
    return new ProcessBuilder(
            Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            OtherJvm.class.getName(),
            what,
            file.toString())
        .redirectErrorStream(true)
        .start();
  }

  private static String firstLine(Process process) throws Exception {
    return new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
        .readLine();
  }
}
