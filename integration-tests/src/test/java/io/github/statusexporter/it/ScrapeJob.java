package io.github.statusexporter.it;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code scrape_config} of a Prometheus configuration: its settings, and its targets, each
 * labelled {@code app} so that queries can tell the JVMs apart.
 *
 * <p>A target behind TLS and basic auth is a job of its own, since {@code scheme}, {@code
 * tls_config} and {@code basic_auth} are settings of a whole job: {@code
 * job.named("secure").with("scheme", "https").with("tls_config", Map.of("ca_file", ...))}.
 */
record ScrapeJob(String name, Map<String, Object> settings, Map<String, String> targets) {
  private static final List<String> NOT_SETTINGS = List.of("job_name", "static_configs");

  /** The job {@code jobName} of a configuration file, with its settings and no targets. */
  static ScrapeJob fromFile(Path configuration, String jobName) throws IOException {
    for (Object job : Yaml.list(Yaml.load(configuration).get("scrape_configs"))) {
      Map<String, Object> settings = new LinkedHashMap<>(Yaml.map(job));
      if (jobName.equals(settings.get("job_name"))) {
        NOT_SETTINGS.forEach(settings::remove);
        return new ScrapeJob(jobName, settings, Map.of());
      }
    }
    throw new AssertionError("no job " + jobName + " in " + configuration);
  }

  ScrapeJob named(String newName) {
    return new ScrapeJob(newName, settings, targets);
  }

  ScrapeJob with(String key, Object value) {
    Map<String, Object> changed = new LinkedHashMap<>(settings);
    changed.put(key, value);
    return new ScrapeJob(name, changed, targets);
  }

  /** This job scraping {@code address} (host:port) as the target labelled {@code app}. */
  ScrapeJob target(String app, String address) {
    Map<String, String> changed = new LinkedHashMap<>(targets);
    changed.put(app, address);
    return new ScrapeJob(name, settings, changed);
  }

  Map<String, Object> toConfig() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("job_name", name);
    config.putAll(settings);
    List<Object> staticConfigs = new ArrayList<>();
    targets.forEach(
        (app, address) ->
            staticConfigs.add(Map.of("targets", List.of(address), "labels", Map.of("app", app))));
    config.put("static_configs", staticConfigs);
    return config;
  }
}
