package io.github.statusexporter.instrumentation;

import io.github.statusexporter.config.mappingfile.RouteSettings;
import io.github.statusexporter.config.options.HistogramBuckets;
import io.github.statusexporter.family.CounterFamily;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The HTTP server metrics of OpenTelemetry's semantic conventions, as Prometheus names them: {@code
 * http_server_request_duration_seconds} and {@code http_server_active_requests}.
 */
public final class RequestMetrics {
  /** The boundaries OpenTelemetry advises for {@code http.server.request.duration}. */
  static final double[] BUCKETS = {
    0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10
  };

  /** The labels of the duration histogram, in this order in {@link #durations}. */
  private static final String[] DURATION_LABELS = {
    "http_request_method", "http_response_status_code", "http_route", "url_scheme"
  };

  private static final String DURATION_NAME = "http_server_request_duration";
  private static final String DURATION_HELP = "Duration of HTTP server requests";

  /**
   * client_java's histogram, with native buckets (alone or beside classic); null with classic only.
   */
  private final Histogram duration;

  /** The classic-only histogram the agent keeps itself (the default); null with native buckets. */
  private final ClassicDurations classicDurations;

  private final ActiveRequests active;
  private final CounterFamily folded;
  private final RouteCap routes;
  private final Set<String> ignored;
  private final RouteTemplates templates;

  /** The recorders of the templates, by scheme then template, made at first use. */
  private final AtomicReferenceArray<RouteRecorder> templated;

  private final List<String> templateNames;

  /** The recorders of ignored routes, for http and https: they count active requests only. */
  private final RouteRecorder ignoredHttp;

  private final RouteRecorder ignoredHttps;

  /** The recorders of folded routes, for http and https. */
  private final RouteRecorder foldedHttp;

  private final RouteRecorder foldedHttps;

  public RequestMetrics(HistogramBuckets buckets) {
    this(buckets, RouteSettings.DEFAULT);
  }

  /** As above, with routes ignored, templates and a cap on distinct routes. */
  public RequestMetrics(HistogramBuckets buckets, RouteSettings settings) {
    int maxRoutes = settings.maxRoutes();
    if (buckets == HistogramBuckets.CLASSIC) {
      // The metadata client_java's Histogram builder makes of the same name, unit and help.
      classicDurations =
          new ClassicDurations(
              MetricMetadata.builder()
                  .name(DURATION_NAME)
                  .unit(Unit.SECONDS)
                  .help(DURATION_HELP)
                  .build(),
              BUCKETS,
              DURATION_LABELS);
      duration = null;
    } else {
      classicDurations = null;
      duration = clientJavaDurations(buckets);
    }
    active = new ActiveRequests();
    folded =
        new CounterFamily(
            "status_exporter_routes_folded",
            "Requests recorded with http_route=\"_OTHER\" because the application had more"
                + " distinct routes than the agent keeps ("
                + maxRoutes
                + ")");
    routes = new RouteCap(maxRoutes);
    foldedHttp = new RouteRecorder(this, RouteCap.FOLDED, false, folded.labelValues());
    foldedHttps = new RouteRecorder(this, RouteCap.FOLDED, true, folded.labelValues());
    ignored = settings.ignore();
    ignoredHttp = new RouteRecorder(this, null, false, null);
    ignoredHttps = new RouteRecorder(this, null, true, null);
    templates = new RouteTemplates(settings.templates());
    templated = new AtomicReferenceArray<>(2 * settings.templates().size());
    templateNames = settings.templates();
  }

  /**
   * Built with client_java's default settings, not its global ones (which the relocation keeps
   * apart from the application's {@code io.prometheus.*} settings anyway). The agent loads
   * client_java's settings and metric classes only for native or both buckets, and for the native
   * memory metrics when the JVM tracks native memory.
   */
  private static Histogram clientJavaDurations(HistogramBuckets buckets) {
    Histogram.Builder histogram =
        Histogram.builder(PrometheusProperties.builder().build())
            .name(DURATION_NAME)
            .unit(Unit.SECONDS)
            .help(DURATION_HELP)
            .labelNames(DURATION_LABELS)
            .classicUpperBounds(BUCKETS);
    if (buckets == HistogramBuckets.NATIVE) {
      histogram.nativeOnly();
    }
    // Exemplar sampling would start a scheduler thread and costs on every request.
    return histogram.withoutExemplars().build();
  }

  public void register(PrometheusRegistry registry) {
    registry.register(durationsCollector());
    registry.register(active);
    registry.register(folded);
  }

  /**
   * The recorder of one route; routes are few (contexts, servlet mappings, templates), so keep it.
   * Past the cap on distinct routes, a new route gets the folded route's recorder.
   */
  public RouteRecorder route(String route, boolean https) {
    if (ignored.contains(route)) {
      return https ? ignoredHttps : ignoredHttp;
    }
    return routes.admits(route) ? new RouteRecorder(this, route, https, null) : folded(https);
  }

  /**
   * True if the user wrote route templates: only then does a request's path need looking at, which
   * costs its servlet container a string and every request a match against each template.
   */
  public boolean hasTemplates() {
    return !templates.isEmpty();
  }

  /** The recorder of the first template the raw path matches, or null if none does. */
  public RouteRecorder templated(String rawPath, boolean https) {
    int index = templates.match(rawPath);
    if (index < 0) {
      return null;
    }
    int slot = (https ? templateNames.size() : 0) + index;
    RouteRecorder recorder = templated.get(slot);
    if (recorder == null) {
      recorder = route(templateNames.get(index), https);
      if (!templated.compareAndSet(slot, null, recorder)) {
        recorder = templated.get(slot);
      }
    }
    return recorder;
  }

  /** The recorder of requests whose route came past the cap. */
  public RouteRecorder folded(boolean https) {
    return https ? foldedHttps : foldedHttp;
  }

  /** How many distinct routes get series of their own. */
  public int maxRoutes() {
    return routes.max();
  }

  /** The duration histogram's collector. */
  Collector durationsCollector() {
    return classicDurations != null ? classicDurations : duration;
  }

  /** The duration series of these label values; keep it, as its lookup allocates. */
  DistributionDataPoint durations(String method, String status, String route, String scheme) {
    return classicDurations != null
        ? classicDurations.labelValues(method, status, route, scheme)
        : duration.labelValues(method, status, route, scheme);
  }

  /** The count of active requests of a scheme and method. */
  AtomicLong active(boolean https, int method) {
    return active.of(https, method);
  }
}
