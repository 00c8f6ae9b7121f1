package io.github.statusexporter.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutputComparisonTest {

  @Test
  void theSameOutputsAgree() {
    ExpositionText text =
        ExpositionText.parse(
            """
            # HELP a_total A
            # TYPE a_total counter
            a_total{x="1"} 1.0
            # HELP b B
            # TYPE b untyped
            b -1.0
            """);

    assertThat(new OutputComparison(text, text, text, text, key -> false).differences()).isEmpty();
  }

  @Test
  void eachKindOfDifferenceIsNamedWithBothSides() {
    ExpositionText theirs =
        ExpositionText.parse(
            """
            # HELP a_total A
            # TYPE a_total counter
            a_total{x="1"} 1.0
            a_total{x="2"} 2.0
            # HELP b B
            # TYPE b gauge
            b 5.0
            """);
    ExpositionText ours =
        ExpositionText.parse(
            """
            # HELP a_total A
            # TYPE a_total counter
            a_total{x="1"} 1.0
            a_total{x="3"} 2.0
            # HELP b other
            # TYPE b untyped
            b 6.0
            """);

    assertThat(new OutputComparison(theirs, ours, theirs, ours, key -> false).differences())
        .containsExactly(
            "series only in jmx_exporter's output (1):",
            "    a_total{x=\"2\"} 2.0",
            "series only in ours (1):",
            "    a_total{x=\"3\"} 2.0",
            "families of another TYPE (1):",
            "    b: theirs gauge, ours untyped",
            "families with another HELP (1):",
            "    b:\n      theirs B\n      ours   other",
            "series with another value (stable in both) (1):",
            "    b: theirs 5.0, ours 6.0");
  }

  @Test
  void aFamilyInOnlyOneOutputIsItsSeries() {
    ExpositionText one = ExpositionText.parse("# TYPE a gauge\na 1\n");
    ExpositionText both = ExpositionText.parse("# TYPE a gauge\na 1\n# TYPE b gauge\nb 2\n");

    assertThat(new OutputComparison(one, both, one, both, key -> false).differences())
        .containsExactly("series only in ours (1):", "    b 2.0");
  }

  @Test
  void valuesThatChangeBetweenScrapesOrDependOnTheReaderAreNotCompared() {
    ExpositionText one = ExpositionText.parse("# TYPE a gauge\na 1\n# TYPE cpu gauge\ncpu 1\n");
    ExpositionText two = ExpositionText.parse("# TYPE a gauge\na 2\n# TYPE cpu gauge\ncpu 2\n");

    assertThat(new OutputComparison(one, two, two, two, "cpu"::equals).differences()).isEmpty();
    assertThat(new OutputComparison(one, one, one, two, "cpu"::equals).differences()).isEmpty();
    assertThat(new OutputComparison(one, two, one, two, "cpu"::equals).differences())
        .containsExactly(
            "series with another value (stable in both) (1):", "    a: theirs 1.0, ours 2.0");
  }

  @Test
  void aSeriesInOnlyOneScrapeOfEitherMayBeInTheOtherOrNot() {
    ExpositionText before = ExpositionText.parse("# TYPE a gauge\na 1\n");
    ExpositionText after = ExpositionText.parse("# TYPE a gauge\na 1\n# TYPE gc gauge\ngc 1\n");

    assertThat(new OutputComparison(before, before, after, after, key -> false).differences())
        .isEmpty();
    assertThat(new OutputComparison(before, after, after, after, key -> false).differences())
        .isEmpty();
    assertThat(new OutputComparison(after, before, after, before, key -> false).differences())
        .containsExactly("series only in jmx_exporter's output (1):", "    gc 1.0");
  }
}
