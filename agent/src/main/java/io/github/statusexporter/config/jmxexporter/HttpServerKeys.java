package io.github.statusexporter.config.jmxexporter;

import io.github.statusexporter.config.ConfigException;
import io.github.statusexporter.config.yaml.YamlMap;
import java.util.List;

/**
 * jmx_exporter's {@code httpServer} section. Its thread pool has a counterpart here already (the
 * agent's server runs on its own few bounded threads), so it is accepted and said to be unused. Its
 * authentication and TLS are not honoured yet, and serving without them would expose what the user
 * meant to protect: they are refused, pointing at the exporter-toolkit web configuration that does
 * the same.
 */
final class HttpServerKeys {
  private HttpServerKeys() {}

  static boolean asksForSecurity(YamlMap file) throws ConfigException {
    if (!file.has("httpServer") || file.isNull("httpServer")) {
      return false;
    }
    YamlMap server = file.map("httpServer");
    return server.has("authentication") || server.has("ssl");
  }

  static void check(YamlMap file, List<String> notices) throws ConfigException {
    if (!file.has("httpServer") || file.isNull("httpServer")) {
      return;
    }
    YamlMap server = file.map("httpServer");
    for (String key : server.keys()) {
      if (key.equals("threads")) {
        notices.add(
            server.where(key) + ": not used; the agent serves /metrics on its own bounded threads");
      } else if (key.equals("authentication") || key.equals("ssl")) {
        throw server.error(
            key,
            "is not supported in jmx_exporter's form yet: protect /metrics with an exporter-toolkit"
                + " web configuration instead (-Dstatusexporter.web-config=FILE, with"
                + " basic_auth_users and tls_server_config), and remove httpServer."
                + key);
      } else {
        notices.add(server.where(key) + ": not a jmx_exporter httpServer key; ignored");
      }
    }
  }
}
