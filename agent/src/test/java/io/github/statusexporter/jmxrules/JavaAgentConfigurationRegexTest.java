package io.github.statusexporter.jmxrules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.statusexporter.config.jmxexporter.JmxExporterArgument;
import io.github.statusexporter.config.options.AgentConfig;
import io.github.statusexporter.config.options.ConfigParser;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * jmx_exporter 1.0.1's {@code JavaAgentConfigurationRegexTest}: the agent arguments it accepts,
 * {@code [host:]port:file}, read by our options parser. Each line: the argument, then the host
 * (none: every address), the port and the file it names.
 */
class JavaAgentConfigurationRegexTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "12345:/opt/prometheus/config.yaml | | 12345 | /opt/prometheus/config.yaml",
        "12345:/opt/prometheus/config_file.yaml | | 12345 | /opt/prometheus/config_file.yaml",
        "12345:/opt/prometheus/config-file.yaml | | 12345 | /opt/prometheus/config-file.yaml",
        "12345:/opt/prometheus/jmx-exporter/config-file.yaml | | 12345"
            + " | /opt/prometheus/jmx-exporter/config-file.yaml",
        "12345:/opt/prometheus/jmx_exporter/config-file.yaml | | 12345"
            + " | /opt/prometheus/jmx_exporter/config-file.yaml",
        "myhost.domain.com:12345:/opt/prometheus/config.yaml | myhost.domain.com | 12345"
            + " | /opt/prometheus/config.yaml",
        "myhost.domain.com:12345:/opt/prometheus/config_file.yaml | myhost.domain.com | 12345"
            + " | /opt/prometheus/config_file.yaml",
        "myhost.domain.com:12345:/opt/prometheus/config-file.yaml | myhost.domain.com | 12345"
            + " | /opt/prometheus/config-file.yaml",
        "myhost.domain.com:12345:/opt/prometheus/jmx-exporter/config-file.yaml"
            + " | myhost.domain.com | 12345 | /opt/prometheus/jmx-exporter/config-file.yaml",
        "myhost.domain.com:12345:/opt/prometheus/jmx_exporter/config-file.yaml"
            + " | myhost.domain.com | 12345 | /opt/prometheus/jmx_exporter/config-file.yaml",
        "myhostname.sub-domain.prometheus.org:12345:/opt/prometheus/config.yaml"
            + " | myhostname.sub-domain.prometheus.org | 12345 | /opt/prometheus/config.yaml",
        "myhostname.sub-domain.prometheus.org:12345:/opt/prometheus/config_file.yaml"
            + " | myhostname.sub-domain.prometheus.org | 12345 | /opt/prometheus/config_file.yaml",
        "myhostname.sub-domain.prometheus.org:12345:/opt/prometheus/config-file.yaml"
            + " | myhostname.sub-domain.prometheus.org | 12345 | /opt/prometheus/config-file.yaml",
        "myhostname.sub-domain.prometheus.org:12345:/opt/prometheus/jmx-exporter/config-file.yaml"
            + " | myhostname.sub-domain.prometheus.org | 12345"
            + " | /opt/prometheus/jmx-exporter/config-file.yaml",
        "myhostname.sub_domain.prometheus.org:12345:/opt/prometheus/config.yaml"
            + " | myhostname.sub_domain.prometheus.org | 12345 | /opt/prometheus/config.yaml",
        "myhostname.sub_domain.prometheus.org:12345:/opt/prometheus/config_file.yaml"
            + " | myhostname.sub_domain.prometheus.org | 12345 | /opt/prometheus/config_file.yaml",
        "myhostname.sub_domain.prometheus.org:12345:/opt/prometheus/config-file.yaml"
            + " | myhostname.sub_domain.prometheus.org | 12345 | /opt/prometheus/config-file.yaml",
        "myhostname.sub_domain.prometheus.org:12345:/opt/prometheus/jmx-exporter/config-file.yaml"
            + " | myhostname.sub_domain.prometheus.org | 12345"
            + " | /opt/prometheus/jmx-exporter/config-file.yaml",
        "myhostname.sub_domain.prometheus.org:12345:/opt/prometheus/jmx_exporter/config-file.yaml"
            + " | myhostname.sub_domain.prometheus.org | 12345"
            + " | /opt/prometheus/jmx_exporter/config-file.yaml",
        "192.168.1.1:12345:/opt/prometheus/config.yaml | 192.168.1.1 | 12345"
            + " | /opt/prometheus/config.yaml",
        "192.168.1.1:12345:/opt/prometheus/config_file.yaml | 192.168.1.1 | 12345"
            + " | /opt/prometheus/config_file.yaml",
        "192.168.1.1:12345:/opt/prometheus/config-file.yaml | 192.168.1.1 | 12345"
            + " | /opt/prometheus/config-file.yaml",
        "192.168.1.1:12345:/opt/prometheus/jmx-exporter/config-file.yaml | 192.168.1.1 | 12345"
            + " | /opt/prometheus/jmx-exporter/config-file.yaml",
        "192.168.1.1:12345:/opt/prometheus/jmx_exporter/config-file.yaml | 192.168.1.1 | 12345"
            + " | /opt/prometheus/jmx_exporter/config-file.yaml"
      })
  void jmxExporterArgumentIsRead(String argument, String host, int port, String file)
      throws Exception {
    AgentConfig config = ConfigParser.parse(argument, new Properties(), Map.of());

    assertThat(config.port()).isEqualTo(port);
    assertThat(config.host()).isEqualTo(Optional.ofNullable(host));
    assertThat(config.jmxExporterFile()).contains(Paths.get(file));
  }

  /** A bare port, a host and port, or our own options: not jmx_exporter's form (1.0.1's regex). */
  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"12345", "myhost:12345", "port=12345", "12345:", "123456:/config.yaml"})
  void otherArgumentsAreNotJmxExportersForm(String argument) {
    assertThat(JmxExporterArgument.parse(argument)).isEmpty();
  }
}
