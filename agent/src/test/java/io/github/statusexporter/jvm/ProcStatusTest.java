package io.github.statusexporter.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProcStatusTest {
  private static final byte[] STATUS =
      ("Name:\tjava\nUmask:\t0022\nState:\tS (sleeping)\nVmPeak:\t 7842166 kB\n"
              + "VmSize:\t 7842164 kB\nVmRSS:\t   72652 kB\nRssAnon:\t   50088 kB\nThreads:\t31")
          .getBytes(StandardCharsets.US_ASCII);

  @Test
  void theNumberOfTheLineStartingWithTheKeyIsRead() {
    assertThat(kibibytes("VmSize:")).isEqualTo(7842164);
    assertThat(kibibytes("VmRSS:")).isEqualTo(72652);
  }

  @Test
  void aKeyOnlyFoundInsideAnotherLineOrOnTheLastLineIsReadCorrectly() {
    assertThat(kibibytes("Anon:")).isEqualTo(-1);
    assertThat(kibibytes("Threads:")).isEqualTo(31);
  }

  @Test
  void aMissingKeyOrOneWithoutNumberGivesMinusOne() {
    assertThat(kibibytes("VmSwap:")).isEqualTo(-1);
    assertThat(kibibytes("Name:")).isEqualTo(-1);
  }

  @Test
  void theProcessOwnStatusFileIsReadWhereThereIsOne() {
    ProcStatus status = new ProcStatus();

    if (status.read()) {
      assertThat(status.kibibytes("VmRSS:")).isPositive();
      assertThat(status.kibibytes("VmSize:")).isGreaterThan(status.kibibytes("VmRSS:"));
    }
  }

  private static long kibibytes(String key) {
    return ProcStatus.numberOnLine(STATUS, STATUS.length, key.getBytes(StandardCharsets.US_ASCII));
  }
}
