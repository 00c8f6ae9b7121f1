package io.github.statusexporter.jvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.UnixOperatingSystemMXBean;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinuxProcessCountersTest {
  private static final String LIMITS =
      "Limit                     Soft Limit           Hard Limit           Units     \n"
          + "Max cpu time              unlimited            unlimited            seconds   \n"
          + "Max open files            4096                 524288               files     \n"
          + "Max locked memory         8388608              8388608              bytes     \n";

  private static final String STAT =
      "4242 (java (my) app) S 1 4242 4242 0 -1 4194560 1893 0 3 0 150 25 7 9 20 0 31";

  @TempDir Path proc;

  @Test
  void theSameValuesAsTheJdksBeanWhereThisIsLinux() {
    assumeTrue(new File("/proc/self/stat").canRead(), "not Linux");
    UnixOperatingSystemMXBean bean =
        (UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    LinuxProcessCounters counters = LinuxProcessCounters.ofThisProcess(true);

    assertThat(counters).isNotNull();
    assertThat(counters.maxFileDescriptors()).isEqualTo(bean.getMaxFileDescriptorCount());
    // The test runner's threads may open or close a file between the two.
    assertThat(counters.openFileDescriptors())
        .isBetween(bean.getOpenFileDescriptorCount() - 3, bean.getOpenFileDescriptorCount() + 3);
    long before = bean.getProcessCpuTime();
    long cpu = counters.cpuNanos();
    long after = bean.getProcessCpuTime();
    // The bean reads the same ticks, with times().
    assertThat(cpu).isBetween(before, after);
  }

  @Test
  void theCpuTimeIsCountedAfterACommandNameWithSpacesAndParentheses() throws IOException {
    writeProcess(STAT, LIMITS);

    LinuxProcessCounters counters = LinuxProcessCounters.of(proc.toFile(), true);

    assertThat(counters.cpuNanos()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(1750));
    assertThat(counters.maxFileDescriptors()).isEqualTo(4096);
    // Less the one the listing opened, which is in the real directory only.
    assertThat(counters.openFileDescriptors()).isEqualTo(2);

    // The files stay open and are read again from their start, as the kernel writes them anew.
    write("stat", "4242 (java) S 1 4242 4242 0 -1 4194560 1893 0 3 0 1500 250 7 9 20 0 31");
    write("limits", LIMITS.replace("4096 ", "8192 "));
    assertThat(counters.cpuNanos()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(17_500));
    assertThat(counters.maxFileDescriptors()).isEqualTo(8192);
  }

  @Test
  void withoutTheFilesThereAreNoCounters() {
    assertThat(LinuxProcessCounters.of(proc.toFile(), true)).isNull();
  }

  @Test
  void aStatWithoutTheCpuTimesGivesNoCounters() throws IOException {
    writeProcess("4242 (java) S 1 4242", LIMITS);

    assertThat(LinuxProcessCounters.of(proc.toFile(), true)).isNull();
  }

  @Test
  void anUnlimitedNumberOfOpenFilesGivesNoCounters() throws IOException {
    writeProcess(STAT, LIMITS.replace("4096 ", "unlimited "));

    assertThat(LinuxProcessCounters.of(proc.toFile(), true)).isNull();
  }

  @Test
  void pastManyOpenDescriptorsTheBeanCountsThem() throws IOException {
    assumeTrue(new File("/proc/self/stat").canRead(), "not Linux");
    writeProcess(STAT, LIMITS);
    for (int fd = 3; fd <= LinuxProcessCounters.MANY_FILE_DESCRIPTORS; fd++) {
      Files.createFile(proc.resolve("fd").resolve(String.valueOf(fd)));
    }
    LinuxProcessCounters counters = LinuxProcessCounters.of(proc.toFile(), true);
    long bean =
        ((UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getOpenFileDescriptorCount();

    // of() listed them once, and found them many: from then on the bean counts this JVM's.
    assertThat(bean).isLessThan(LinuxProcessCounters.MANY_FILE_DESCRIPTORS - 3);
    assertThat(counters.openFileDescriptors()).isBetween(bean - 3, bean + 3);
  }

  @Test
  void withoutJdkManagementManyOpenDescriptorsAreStillListed() throws IOException {
    writeProcess(STAT, LIMITS);
    for (int fd = 3; fd <= LinuxProcessCounters.MANY_FILE_DESCRIPTORS + 10; fd++) {
      Files.createFile(proc.resolve("fd").resolve(String.valueOf(fd)));
    }
    LinuxProcessCounters counters = LinuxProcessCounters.of(proc.toFile(), false);

    // As the JDK counts them: the listing's own descriptor, which this directory lacks, left out.
    assertThat(counters.openFileDescriptors())
        .isEqualTo(LinuxProcessCounters.MANY_FILE_DESCRIPTORS + 10);
    assertThat(counters.openFileDescriptors())
        .isEqualTo(LinuxProcessCounters.MANY_FILE_DESCRIPTORS + 10);
  }

  /** A process directory: these two files, and {@code fd} with descriptors 0 to 2. */
  private void writeProcess(String stat, String limits) throws IOException {
    write("stat", stat);
    write("limits", limits);
    Files.createDirectory(proc.resolve("fd"));
    for (int fd = 0; fd < 3; fd++) {
      Files.createFile(proc.resolve("fd").resolve(String.valueOf(fd)));
    }
  }

  private void write(String file, String text) throws IOException {
    Files.writeString(proc.resolve(file), text);
  }
}
