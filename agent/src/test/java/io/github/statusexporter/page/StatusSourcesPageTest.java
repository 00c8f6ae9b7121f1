package io.github.statusexporter.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.statusexporter.collect.SourceBinding;
import io.github.statusexporter.collect.StatusCollector;
import io.github.statusexporter.mapping.Mapping;
import io.github.statusexporter.source.Reading;
import io.github.statusexporter.source.Record;
import io.github.statusexporter.source.SharedRead;
import io.github.statusexporter.source.StatusSource;
import io.github.statusexporter.source.UnreadableField;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The page's two forms over the seed's mapping, as a browser and curl get them. */
class StatusSourcesPageTest {
  private final ExecutorService reader = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    reader.shutdownNow();
  }

  private StatusSourcesPage page(Map<String, Object> document, boolean read) {
    return page(Reading.of(document), read);
  }

  private StatusSourcesPage page(Reading reading, boolean read) {
    StatusSource source =
        new StatusSource() {
          @Override
          public Reading read() {
            return reading;
          }

          @Override
          public String describe() {
            return "http://localhost:8000/status";
          }
        };
    StatusCollector collector =
        new StatusCollector(
            List.of(
                new SourceBinding(
                    "default",
                    new SharedRead(source, Duration.ofSeconds(2), reader),
                    Mapping.seed(),
                    100)),
            line -> {});
    if (read) {
      collector.collect();
    }
    return new StatusSourcesPage(collector, "1.2.3");
  }

  private static Map<String, Object> document() {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("current_requests", 4.0);
    document.put("pending_requests", "many");
    document.put("health", "healthy");
    document.put("note", "<script>alert('x')</script> & \"more\"");
    return document;
  }

  @Test
  void unreadableAttributesAreNamedWithWhy() throws Exception {
    ObjectName pool = new ObjectName("com.example:type=Pool,name=<main>");
    Reading reading =
        new Reading(
            List.of(new Record(Map.of(), Map.of("current_requests", 1.0))),
            List.of(
                UnreadableField.attribute(
                    pool, "Leases", "UnsupportedOperationException: not <here>")));
    StatusSourcesPage page = page(reading, true);

    String json = new String(page.json(), StandardCharsets.UTF_8);
    String html = new String(page.html(), StandardCharsets.UTF_8);

    assertThat(json)
        .contains(
            "\"unreadable_fields\":1,\"unreadable\":[{\"owner\":\"com.example:type=Pool,name=<main>\","
                + "\"field\":\"Leases\",\"why\":\"UnsupportedOperationException: not <here>\"}]");
    assertThat(html)
        .contains(
            "<li>attribute Leases of MBean com.example:type=Pool,name=&lt;main&gt;:"
                + " UnsupportedOperationException: not &lt;here&gt;</li>");
  }

  @Test
  void jsonListsEachFieldWithItsValueTypeAndFate() {
    String json = new String(page(document(), true).json(), StandardCharsets.UTF_8);

    assertThat(json.replaceAll("\"at\":\"[^\"]+\",\"seconds\":[0-9.E-]+", "\"at\":T"))
        .isEqualTo(
            "{\"sources\":[{\"name\":\"default\",\"address\":\"http://localhost:8000/status\","
                + "\"last_read\":{\"at\":T,\"outcome\":\"up\"},\"unreadable_fields\":0,\"unreadable\":[],"
                + "\"records\":[{\"labels\":{},\"fields\":["
                + "{\"path\":\"current_requests\",\"value\":\"4\",\"type\":\"number\","
                + "\"fates\":[{\"metric\":\"app_requests_current\",\"as\":\"value\"}]},"
                + "{\"path\":\"pending_requests\",\"value\":\"many\",\"type\":\"string\","
                + "\"fates\":[{\"metric\":\"app_requests_pending\",\"skipped\":\"wrong_type\"}]},"
                + "{\"path\":\"health\",\"value\":\"healthy\",\"type\":\"string\","
                + "\"fates\":[{\"metric\":\"app_health\",\"as\":\"value\"}]},"
                + "{\"path\":\"note\",\"value\":\"<script>alert('x')</script> & \\\"more\\\"\","
                + "\"type\":\"string\",\"fates\":[]},"
                + "{\"path\":\"total_uptime\",\"value\":null,\"type\":\"missing\","
                + "\"fates\":[{\"metric\":\"app_uptime\",\"skipped\":\"missing\"}]}]}],"
                + "\"fields_not_shown\":0,\"fates_not_shown\":0}]}\n");
  }

  @Test
  void jsonOfASourceNeverReadHasNoLastRead() {
    String json = new String(page(document(), false).json(), StandardCharsets.UTF_8);

    assertThat(json).contains("\"last_read\":null,").contains("\"records\":[]");
  }

  @Test
  void htmlShowsWhatASourceSentAsTextNeverAsMarkup() {
    String html = new String(page(document(), true).html(), StandardCharsets.UTF_8);

    assertThat(html)
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;")
        .doesNotContain("<script>")
        .contains(
            "<tr><td><code>pending_requests</code></td><td class=\"value\">many</td>"
                + "<td>string</td><td><span class=\"skip\"><code>app_requests_pending</code>"
                + " skipped: wrong_type</span></td></tr>")
        .contains(
            "<tr><td><code>note</code></td><td class=\"value\">&lt;script&gt;alert(&#39;x&#39;)"
                + "&lt;/script&gt; &amp; &quot;more&quot;</td><td>string</td>"
                + "<td><span class=\"none\">not mapped</span></td></tr>")
        .containsPattern(
            "<p>Last read \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC, \\d+ ms:"
                + " <strong class=\"up\">up</strong></p>");
  }

  @Test
  void htmlOfASourceNeverReadSaysSo() {
    String html = new String(page(document(), false).html(), StandardCharsets.UTF_8);

    assertThat(html)
        .contains("<h2>default <span class=\"addr\">http://localhost:8000/status</span></h2>")
        .contains("Not read yet");
  }
}
