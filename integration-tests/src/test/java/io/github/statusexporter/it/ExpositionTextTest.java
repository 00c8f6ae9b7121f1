package io.github.statusexporter.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpositionTextTest {

  private static final String JMX_EXPORTER =
      """
      # HELP java_lang_Memory_HeapMemoryUsage_max java.lang.management.MemoryUsage \
      java.lang:name=null,type=Memory,attribute=max
      # TYPE java_lang_Memory_HeapMemoryUsage_max untyped
      java_lang_Memory_HeapMemoryUsage_max 6.320816128E9
      # HELP tomcat_requestcount_total Tomcat global requestCount
      # TYPE tomcat_requestcount_total counter
      tomcat_requestcount_total{port="8080",protocol="http-nio"} 12.0
      # HELP jvm_gc_collection_seconds Time spent in a given JVM garbage collector in seconds.
      # TYPE jvm_gc_collection_seconds summary
      jvm_gc_collection_seconds_count{gc="G1 Young Generation"} 0
      jvm_gc_collection_seconds_sum{gc="G1 Young Generation"} 0.0
      # HELP catalina_help a backslash \\\\ and a line\\nbreak
      # TYPE catalina_help gauge
      catalina_help{name="\\"http-nio-8080\\"",b="a,b} c",a="x\\\\y\\nz"} -Inf
      """;

  @Test
  void familiesAreKeyedByTheirTypeLinesNameWithTheirTypeHelpAndSeries() {
    ExpositionText text = ExpositionText.parse(JMX_EXPORTER);

    assertThat(text.families().keySet())
        .containsExactly(
            "catalina_help",
            "java_lang_Memory_HeapMemoryUsage_max",
            "jvm_gc_collection_seconds",
            "tomcat_requestcount_total");
    ExpositionText.Family heap = text.family("java_lang_Memory_HeapMemoryUsage_max");
    assertThat(heap.type()).isEqualTo("untyped");
    assertThat(heap.help())
        .isEqualTo(
            "java.lang.management.MemoryUsage java.lang:name=null,type=Memory,attribute=max");
    assertThat(heap.series())
        .isEqualTo(Map.of("java_lang_Memory_HeapMemoryUsage_max", 6.320816128E9));
    assertThat(text.family("jvm_gc_collection_seconds").series())
        .containsOnlyKeys(
            "jvm_gc_collection_seconds_count{gc=\"G1 Young Generation\"}",
            "jvm_gc_collection_seconds_sum{gc=\"G1 Young Generation\"}");
    assertThat(text.value("tomcat_requestcount_total{port=\"8080\",protocol=\"http-nio\"}"))
        .isEqualTo(12.0);
  }

  @Test
  void labelsAreSortedAndHelpAndLabelValuesUnescaped() {
    ExpositionText.Family family = ExpositionText.parse(JMX_EXPORTER).family("catalina_help");

    assertThat(family.help()).isEqualTo("a backslash \\ and a line\nbreak");
    assertThat(family.series())
        .containsOnlyKeys(
            ExpositionText.seriesKey(
                "catalina_help",
                Map.of("name", "\"http-nio-8080\"", "b", "a,b} c", "a", "x\\y\nz")));
    assertThat(family.series().keySet().iterator().next())
        .isEqualTo("catalina_help{a=\"x\\\\y\\nz\",b=\"a,b} c\",name=\"\\\"http-nio-8080\\\"\"}");
    assertThat(family.series().values()).containsExactly(Double.NEGATIVE_INFINITY);
  }

  @Test
  void filteredKeepsTheFamiliesNamedSo() {
    ExpositionText text =
        ExpositionText.parse(JMX_EXPORTER).filtered(name -> !name.startsWith("jvm_"));

    assertThat(text.families()).doesNotContainKey("jvm_gc_collection_seconds").hasSize(3);
  }

  @Test
  void malformedLinesAreRefusedWithTheirNumber() {
    assertThatThrownBy(() -> ExpositionText.parse("a 1\n"))
        .hasMessage("line 1: a sample before any TYPE");
    assertThatThrownBy(() -> ExpositionText.parse("# TYPE a gauge\na{b=\"c} 1\n"))
        .hasMessageStartingWith("line 2: an open label value");
    assertThatThrownBy(() -> ExpositionText.parse("# TYPE a gauge\na 1\na 2\n"))
        .hasMessage("line 3: a second a");
    assertThatThrownBy(() -> ExpositionText.parse("# TYPE a gauge\na one\n"))
        .hasMessage("line 2: a bad value: a one");
  }
}
