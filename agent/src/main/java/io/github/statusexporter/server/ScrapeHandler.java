package io.github.statusexporter.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.statusexporter.exposition.ExpositionWriters;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.model.registry.MetricNameFilter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /metrics}: the registry in the format the {@code Accept} header asks for, gzipped when
 * asked, filtered by {@code name[]}, or for a person with {@code ?debug=text}, {@code openmetrics}
 * or {@code prometheus-protobuf}, as client_java's handler does. Its own because answers are shared
 * and paced ({@link SharedRenderings}) and because a scraper that goes away is the scraper's
 * business: counted, and said at most once a minute, never a stack trace on the application's
 * stderr.
 */
final class ScrapeHandler implements HttpHandler {
  private static final String DEBUG_CONTENT_TYPE = "text/plain; charset=utf-8";

  /**
   * Formats (with their escaping) whose families are kept for reuse, at most: with the answer
   * buffer kept ({@link AnswerBuffers#MAX_KEPT}), at most 16 MiB of bytes kept between scrapes.
   */
  private static final int MAX_FORMATS_KEPT = 2;

  private final PrometheusRegistry registry;
  private final ExpositionWriters formats = ExpositionWriters.defaults();
  private final SharedRenderings renderings = new SharedRenderings();
  private final AnswerBuffers buffers = new AnswerBuffers();
  private final GzipEncoding gzipEncoding = new GzipEncoding();
  private final ServerMetrics metrics;
  private final OncePerMinute clientsGone;
  private final OncePerMinute failures;
  private int lastSize = 16 * 1024;

  /** By writer and escaping, the least recently used first: a third format evicts it. */
  private final Map<List<Object>, RenderedFamilies> renderedFamilies =
      new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Object>, RenderedFamilies> eldest) {
          return size() > MAX_FORMATS_KEPT;
        }
      };

  ScrapeHandler(
      PrometheusRegistry registry,
      ServerMetrics metrics,
      OncePerMinute clientsGone,
      OncePerMinute failures) {
    this.registry = registry;
    this.metrics = metrics;
    this.clientsGone = clientsGone;
    this.failures = failures;
    registry.register(formats.unavailableFormats());
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      ScrapeRequest request = new ScrapeRequest(exchange);
      String[] names;
      String debug;
      try {
        names = request.getParameterValues("name[]");
        debug = request.getParameter("debug");
      } catch (RuntimeException e) {
        send(exchange, 400, DEBUG_CONTENT_TYPE, false, Answer.of("Invalid query parameters.\n"));
        return;
      }
      String accept = request.getHeader("Accept");
      ExpositionFormatWriter writer = debug == null ? formats.find(accept) : debugWriter(debug);
      if (writer == null) {
        send(
            exchange,
            400,
            DEBUG_CONTENT_TYPE,
            false,
            Answer.of("debug= takes text, openmetrics or prometheus-protobuf.\n"));
        return;
      }
      EscapingScheme escaping = EscapingScheme.fromAcceptHeader(accept);
      boolean gzip = debug == null && acceptsGzip(request);
      String key =
          writer.getContentType()
              + '|'
              + escaping
              + '|'
              + gzip
              + '|'
              + debug
              + '|'
              + (names == null ? "" : String.join("\n", names));
      // Not a lambda: capturing six values, it has the JVM spin a class and method handles at the
      // first scrape (~0.4 MB of garbage on JDK 25, JFR).
      Answer body =
          renderings.render(
              key,
              new SharedRenderings.Renderer() {
                @Override
                public Answer render() throws IOException {
                  return ScrapeHandler.this.render(request, names, writer, escaping, gzip, debug);
                }
              });
      try {
        send(
            exchange,
            200,
            debug == null ? writer.getContentType() : DEBUG_CONTENT_TYPE,
            gzip,
            body);
      } finally {
        body.sent();
      }
    } catch (InterruptedException e) {
      // The exchange's deadline passed: its connection is closed already, and counted.
      Thread.currentThread().interrupt();
    } catch (RuntimeException | LinkageError e) {
      // LinkageError: a class missing from a damaged or over-trimmed jar; the thread lives on.
      failures.say("a scrape failed (" + e + "); it was answered 500");
      send(
          exchange,
          500,
          DEBUG_CONTENT_TYPE,
          false,
          Answer.of("The scrape failed; the application's stderr says why.\n"));
    } finally {
      exchange.close();
    }
  }

  private ExpositionFormatWriter debugWriter(String debug) {
    switch (debug) {
      case "text":
        return formats.text();
      case "openmetrics":
        return formats.openMetrics();
      case "prometheus-protobuf":
        return formats.protobuf();
      default:
        return null;
    }
  }

  private Answer render(
      ScrapeRequest request,
      String[] names,
      ExpositionFormatWriter writer,
      EscapingScheme escaping,
      boolean gzip,
      String debug)
      throws IOException {
    boolean filtered = names != null && names.length > 0;
    MetricSnapshots snapshots =
        filtered
            ? registry.scrape(MetricNameFilter.builder().nameMustBeEqualTo(names).build(), request)
            : registry.scrape(request);
    if (debug != null) {
      return Answer.of(writer.toDebugString(snapshots, escaping));
    }
    // Sized as the last answer was, so that it is written without growing (renderings run one at a
    // time: a plain field is enough).
    Answer answer = new Answer(buffers, lastSize + 1024);
    try (OutputStream out = gzip ? gzipEncoding.encoding(answer) : answer) {
      if (filtered) {
        writer.write(out, snapshots, escaping); // a few families: nothing to reuse
      } else {
        renderedFamilies(writer, escaping).write(out, snapshots);
      }
    }
    lastSize = answer.length();
    return answer;
  }

  /**
   * The reused families of a format (its writer, as content types may be shared) and escaping;
   * renderings run one at a time, so a plain map is enough.
   */
  private RenderedFamilies renderedFamilies(ExpositionFormatWriter writer, EscapingScheme escaping)
      throws IOException {
    List<Object> key = List.of(writer, escaping);
    RenderedFamilies families = renderedFamilies.get(key);
    if (families == null) {
      families = new RenderedFamilies(writer, escaping);
      renderedFamilies.put(key, families);
    }
    return families;
  }

  private void send(
      HttpExchange exchange, int status, String contentType, boolean gzip, Answer body) {
    try {
      if (gzip) {
        exchange.getResponseHeaders().set("Content-Encoding", "gzip");
      }
      Router.send(exchange, status, contentType, body.buffer(), body.length());
    } catch (IOException e) {
      metrics.connectionDropped(ServerMetrics.Dropped.CLIENT_GONE);
      clientsGone.say(
          "a scraper closed its connection before its answer was sent, as Prometheus does at its"
              + " scrape_timeout: compare status_exporter_source_read_duration_seconds with it");
    }
  }

  private static boolean acceptsGzip(ScrapeRequest request) {
    Enumeration<String> headers = request.getHeaders("Accept-Encoding");
    while (headers.hasMoreElements()) {
      for (String encoding : headers.nextElement().split(",")) {
        String name = encoding.trim();
        int parameters = name.indexOf(';');
        if ((parameters < 0 ? name : name.substring(0, parameters).trim())
            .equalsIgnoreCase("gzip")) {
          return true;
        }
      }
    }
    return false;
  }
}
