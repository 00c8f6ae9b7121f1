package io.github.statusexporter.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One series of an answer of Prometheus' query API: its labels and its samples, one for an instant
 * vector, all of the range for a range vector. A native histogram sample counts as its observation
 * count; {@code histogram_quantile} and friends are for the rest.
 */
record Series(Map<String, String> labels, List<Sample> samples) {
  record Sample(double time, double value) {
    long millis() {
      return Math.round(time * 1000);
    }
  }

  /** The last sample: the only one of an instant vector. */
  Sample last() {
    return samples.get(samples.size() - 1);
  }

  double value() {
    return last().value();
  }

  String label(String name) {
    return labels.get(name);
  }

  /** The series of a query answer's {@code data}: a vector, a matrix or a scalar. */
  static List<Series> of(JsonNode data) {
    String type = data.path("resultType").asText();
    JsonNode result = data.path("result");
    List<Series> series = new ArrayList<>();
    if (type.equals("scalar")) {
      series.add(new Series(Map.of(), List.of(floatSample(result))));
      return series;
    }
    for (JsonNode element : result) {
      Map<String, String> labels = new LinkedHashMap<>();
      element
          .path("metric")
          .fields()
          .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
      List<Sample> samples = new ArrayList<>();
      if (element.has("value")) {
        samples.add(floatSample(element.get("value")));
      }
      if (element.has("histogram")) {
        samples.add(histogramSample(element.get("histogram")));
      }
      element.path("values").forEach(value -> samples.add(floatSample(value)));
      element.path("histograms").forEach(value -> samples.add(histogramSample(value)));
      series.add(new Series(labels, samples));
    }
    return series;
  }

  private static Sample floatSample(JsonNode pair) {
    return new Sample(pair.get(0).asDouble(), number(pair.get(1).asText()));
  }

  private static Sample histogramSample(JsonNode pair) {
    return new Sample(pair.get(0).asDouble(), number(pair.get(1).path("count").asText()));
  }

  /** Prometheus writes values as strings, infinities as {@code +Inf} and {@code -Inf}. */
  private static double number(String text) {
    return Double.parseDouble(text.replace("Inf", "Infinity"));
  }
}
