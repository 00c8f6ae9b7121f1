package io.github.statusexporter.cli;

import io.github.statusexporter.agent.AgentState;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the agent in a JVM is doing, in the words of the tool's output. */
final class AgentSummary {
  private static final Pattern SOURCE_UP =
      Pattern.compile("^status_exporter_source_up\\{source=\"([^\"]*)\"\\} (\\S+)$");

  private AgentSummary() {}

  /** From the JVM's system properties, where the agent keeps its state ({@link AgentState}). */
  static String of(Properties properties) {
    String state = properties.getProperty(AgentState.STATE);
    if (state == null) {
      return "-";
    }
    switch (state) {
      case AgentState.SERVING:
        return "serving " + properties.getProperty(AgentState.URL);
      case AgentState.FAILED:
        return "not serving: " + properties.getProperty(AgentState.FAILURE);
      case AgentState.REFUSED:
        return "refused its options: " + properties.getProperty(AgentState.FAILURE);
      default:
        return state;
    }
  }

  /**
   * Each source's state, read from the agent's own metrics ({@code status_exporter_source_up}); one
   * line saying why not when the endpoint cannot be read (a password, TLS of its own).
   */
  static List<String> sources(String metricsUrl) {
    List<String> lines = new ArrayList<>();
    try {
      HttpURLConnection connection =
          (HttpURLConnection) new URL(metricsUrl).openConnection(Proxy.NO_PROXY);
      connection.setConnectTimeout(2_000);
      connection.setReadTimeout(5_000);
      connection.setRequestProperty("Accept", "text/plain;version=0.0.4");
      int status = connection.getResponseCode();
      if (status != 200) {
        lines.add("sources: not shown, " + metricsUrl + " answered HTTP " + status);
        return lines;
      }
      String text;
      try (InputStream body = connection.getInputStream()) {
        text = new String(body.readNBytes(16 * 1024 * 1024), StandardCharsets.UTF_8);
      }
      for (String line : text.split("\n")) {
        Matcher up = SOURCE_UP.matcher(line);
        if (up.matches()) {
          lines.add("source " + up.group(1) + ": " + (up.group(2).startsWith("1") ? "up" : "down"));
        }
      }
      if (lines.isEmpty()) {
        lines.add("sources: none");
      }
    } catch (IOException | RuntimeException e) {
      lines.add("sources: not shown, " + metricsUrl + " cannot be read (" + e + ")");
    }
    return lines;
  }
}
