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

  /** Another JVM holding its copy as the agent does, until it is killed. */
  public static final class HoldingJvm {
    public static void main(String[] arguments) throws Exception {
      FileChannel channel = FileChannel.open(Paths.get(arguments[0]), StandardOpenOption.WRITE);
      channel.lock();
      System.out.println("locked");
      System.out.flush();
      Thread.sleep(60_000);
    }
  }

  @Test
  void aCopyHeldByARunningJvmStaysAndGoesOnceThatJvmIsKilled() throws Exception {
    Path held = copy("status-exporter-libraries-1.jar");
    Path left = copy("status-exporter-libraries-2.jar");
    Process holder =
        new ProcessBuilder(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                HoldingJvm.class.getName(),
                StaleCopies.lockOf(held).toString())
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("locked");

      assertThat(StaleCopies.remove(directory)).isEqualTo(1);
      assertThat(held).exists();
      assertThat(StaleCopies.lockOf(held)).exists();
      assertThat(left).doesNotExist();
      assertThat(StaleCopies.lockOf(left)).doesNotExist();
    } finally {
      holder.destroyForcibly(); // SIGKILL: the JVM's exit hooks do not run
      holder.waitFor(10, TimeUnit.SECONDS);
    }

    assertThat(StaleCopies.remove(directory)).isEqualTo(1);
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
    Files.createFile(StaleCopies.lockOf(link));
    Path folder = old(Files.createDirectory(directory.resolve("status-exporter-folder-6.jar")));
    Files.createFile(StaleCopies.lockOf(folder));

    assertThat(StaleCopies.remove(directory)).isZero();
    assertThat(young).exists();
    assertThat(earlierAgents).exists();
    assertThat(other).exists();
    assertThat(link).exists();
    assertThat(target).exists();
    assertThat(folder).exists();

    // Once old enough, the copy nobody holds goes.
    assertThat(StaleCopies.remove(directory, Instant.now().plus(StaleCopies.MIN_AGE))).isOne();
    assertThat(young).doesNotExist();
  }

  @Test
  void thisJvmsOwnCopyStays() throws Exception {
    String entry = "META-INF/status-exporter/libraries.jar";
    Path copy =
        InnerJar.copy(new InnerJarTest.Holding(entry), entry, "the libraries", directory)
            .orElseThrow();
    old(copy);

    assertThat(StaleCopies.remove(directory)).isZero();
    assertThat(copy).exists();
    assertThat(StaleCopies.lockOf(copy)).exists();
    assertThat(Files.readString(copy)).isEqualTo("the inner jar's bytes");
  }

  /** A copy and its lock file, as a JVM that was killed an hour ago left them. */
  private Path copy(String name) throws Exception {
    Files.createFile(StaleCopies.lockOf(directory.resolve(name)));
    return old(Files.writeString(directory.resolve(name), "a copy"));
  }

  private static Path old(Path file) throws Exception {
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
    return file;
  }
}
