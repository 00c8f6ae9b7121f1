package io.github.statusexporter.jmxrules;

import static io.github.statusexporter.jmxrules.Scrapes.familyNames;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * jmx_exporter 1.0.1's {@code SafeNameTest}, through a rule's {@code name}: every character but
 * letters, digits, {@code :} and {@code _} becomes {@code _}, runs of {@code _} become one, and a
 * leading digit gets a {@code _} before it.
 */
class SafeNameTest {
  private static final MBeanServer SERVER = MBeanServerFactory.newMBeanServer();

  @BeforeAll
  static void registerBean() throws Exception {
    ExampleBeans.register(
        SERVER,
        "hadoop:service=DataNode,name=DataNodeActivity-ams-hdd001-50010",
        new ExampleBeans.Hadoop());
  }

  /** The names of the series that a rule of this name gives the one Hadoop attribute. */
  private static List<String> namesFor(String name) throws Exception {
    // Single-quoted in YAML; a replacement string, where a '$' is written '\$'.
    String yaml = "rules:\n- pattern: \"^hadoop<\"\n  name: '" + name.replace("$", "\\$") + "'\n";
    return familyNames(Scrapes.scrape(SERVER, yaml));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "test-test | test_test",
        "test-_test | test_test",
        "test-_-test | test_test",
        "-_- | _",
        "--- | _",
        "test | test",
        "001 | _001",
        "test_swedish_chars_åäö | test_swedish_chars_",
        "test@test | test_test",
        "test;test | test_test",
        "test:test | test:test",
        "$asetstjlk_$testkljsek_$tesktjsekrslk_$testkljsetkl_$tkesjtk_$sljtslkjetesslelse_"
            + "$lktsjetlkesltel_$kesjltelksjetkl_$tesktjksjltse_$sljteslselkselse_"
            + "$tsjetlksetklsjekl_$slkfjrtlskek___"
            + " | _asetstjlk_testkljsek_tesktjsekrslk_testkljsetkl_tkesjtk_sljtslkjetesslelse_"
            + "lktsjetlkesltel_kesjltelksjetkl_tesktjksjltse_sljteslselkselse_tsjetlksetklsjekl_"
            + "slkfjrtlskek_"
      })
  void nameIsMadeSafe(String name, String safe) throws Exception {
    assertThat(namesFor(name)).containsExactly(safe);
  }

  /** An empty name drops the attribute (1.0.1's {@code ""} case). */
  @Test
  void anEmptyNameGivesNoSeries() throws Exception {
    assertThat(namesFor("")).isEmpty();
  }
}
