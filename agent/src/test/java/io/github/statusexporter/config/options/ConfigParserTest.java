package io.github.statusexporter.config.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.statusexporter.config.ConfigException;
import io.github.statusexporter.config.mappingfile.HttpSource;
import io.github.statusexporter.config.mappingfile.MBeanSource;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigParserTest {
  private static final Properties NO_PROPERTIES = new Properties();
  private static final Map<String, String> NO_ENV = Map.of();

  @Test
  void noneOffOrNothingTurnsTheStatusSourceOff() throws ConfigException {
    for (String off : List.of("source=none", "source=off", "source=NONE", "source=")) {
      assertThat(ConfigParser.parse(off, NO_PROPERTIES, NO_ENV).source()).as(off).isEmpty();
    }
  }

  @Test
  void defaultsApplyWhenNothingIsSet() throws ConfigException {
    AgentConfig config = ConfigParser.parse(null, NO_PROPERTIES, NO_ENV);

    assertThat(config.port()).isEqualTo(9877);
    assertThat(config.host()).isEmpty();
    assertThat(http(config).uri()).isEqualTo(URI.create("http://localhost:8000/status"));
    assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.configFile()).isEmpty();
    assertThat(config.instrument()).isTrue();
    assertThat(config.histogramBuckets()).isEqualTo(HistogramBuckets.CLASSIC);
    assertThat(config.maxSeries()).isEqualTo(10_000);
  }

  @Test
  void theCapOnSeriesCanBeSetEachWay() throws ConfigException {
    assertThat(ConfigParser.parse("max-series=500", NO_PROPERTIES, NO_ENV).maxSeries())
        .isEqualTo(500);
    Properties properties = new Properties();
    properties.setProperty("statusexporter.max-series", "20000");
    assertThat(ConfigParser.parse(null, properties, NO_ENV).maxSeries()).isEqualTo(20_000);
    assertThat(
            ConfigParser.parse(null, NO_PROPERTIES, Map.of("STATUS_EXPORTER_MAX_SERIES", "1"))
                .maxSeries())
        .isEqualTo(1);
  }

  @Test
  void aSourceWithSecretsIsShownWithoutThem() throws ConfigException {
    AgentConfig config =
        ConfigParser.parse(
            "source=http://user:secret@localhost:8000/status?token=secret", NO_PROPERTIES, NO_ENV);

    assertThat(http(config).uri().getRawUserInfo()).isEqualTo("user:secret");
    assertThat(config.source().orElseThrow())
        .hasToString("http://***@localhost:8000/status?token=***");
  }

  @Test
  void requestMetricsCanBeTurnedOffAndTheirBucketsChosen() throws ConfigException {
    AgentConfig config =
        ConfigParser.parse("instrument=false,histogram=both", NO_PROPERTIES, NO_ENV);

    assertThat(config.instrument()).isFalse();
    assertThat(config.histogramBuckets()).isEqualTo(HistogramBuckets.BOTH);
  }

  @Test
  void ignoreRoutesTakesOneRouteOrSeveralInQuotes() throws ConfigException {
    assertThat(ConfigParser.parse(null, NO_PROPERTIES, NO_ENV).ignoreRoutes()).isEmpty();
    assertThat(ConfigParser.parse("ignore-routes=/health", NO_PROPERTIES, NO_ENV).ignoreRoutes())
        .containsExactly("/health");
    assertThat(
            ConfigParser.parse(
                    "port=9100,ignore-routes=\"/health, /actuator/health\"", NO_PROPERTIES, NO_ENV)
                .ignoreRoutes())
        .containsExactly("/health", "/actuator/health");
  }

  @Test
  void agentArgumentsSetEveryOption() throws ConfigException {
    AgentConfig config =
        ConfigParser.parse(
            "port=9100,host=127.0.0.1,source=https://app:8443/health,timeout=750ms",
            NO_PROPERTIES,
            NO_ENV);

    assertThat(config.port()).isEqualTo(9100);
    assertThat(config.host()).contains("127.0.0.1");
    assertThat(http(config).uri()).isEqualTo(URI.create("https://app:8443/health"));
    assertThat(config.timeout()).isEqualTo(Duration.ofMillis(750));
  }

  @Test
  void systemPropertiesAndEnvironmentSetOptions() throws ConfigException {
    Properties properties = new Properties();
    properties.setProperty("statusexporter.port", "9200");

    AgentConfig config =
        ConfigParser.parse("", properties, Map.of("STATUS_EXPORTER_TIMEOUT", "1.5s"));

    assertThat(config.port()).isEqualTo(9200);
    assertThat(config.timeout()).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void agentArgumentsWinOverSystemPropertiesWhichWinOverEnvironment() throws ConfigException {
    Properties properties = new Properties();
    properties.setProperty("statusexporter.port", "9200");
    properties.setProperty("statusexporter.host", "127.0.0.2");
    Map<String, String> env =
        Map.of(
            "STATUS_EXPORTER_PORT", "9300",
            "STATUS_EXPORTER_HOST", "127.0.0.3",
            "STATUS_EXPORTER_TIMEOUT", "3s");

    AgentConfig config = ConfigParser.parse("port=9100", properties, env);

    assertThat(config.port()).isEqualTo(9100);
    assertThat(config.host()).contains("127.0.0.2");
    assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void theWebConfigFileIsSetLikeEveryOtherOption() throws ConfigException {
    Properties properties = new Properties();
    properties.setProperty("statusexporter.web-config", "/etc/b.yml");
    Map<String, String> env = Map.of("STATUS_EXPORTER_WEB_CONFIG", "/etc/c.yml");

    assertThat(ConfigParser.parse(null, NO_PROPERTIES, NO_ENV).webConfigFile()).isEmpty();
    assertThat(ConfigParser.parse("web-config=/etc/a.yml", properties, env).webConfigFile())
        .contains(Path.of("/etc/a.yml"));
    assertThat(ConfigParser.parse(null, properties, env).webConfigFile())
        .contains(Path.of("/etc/b.yml"));
    assertThat(ConfigParser.parse(null, NO_PROPERTIES, env).webConfigFile())
        .contains(Path.of("/etc/c.yml"));
    assertThatThrownBy(() -> ConfigParser.parse("web-config= ", NO_PROPERTIES, NO_ENV))
        .hasMessage(
            "agent argument web-config: '' is not a file path, such as"
                + " /etc/status-exporter/web-config.yml");
  }

  @Test
  void unrelatedSystemPropertiesAndVariablesAreIgnored() throws ConfigException {
    Properties properties = new Properties();
    properties.setProperty("io.prometheus.exporter.http_server.port", "1");
    properties.setProperty("statusexporterish", "x");

    AgentConfig config = ConfigParser.parse("", properties, Map.of("PATH", "/bin"));

    assertThat(config.port()).isEqualTo(9877);
  }

  @Test
  void kubernetesServiceLinksOfAServiceNamedStatusExporterAreNotOptions() throws ConfigException {
    Map<String, String> env =
        Map.of(
            "STATUS_EXPORTER_SERVICE_HOST", "10.96.12.34",
            "STATUS_EXPORTER_SERVICE_PORT", "9877",
            "STATUS_EXPORTER_SERVICE_PORT_METRICS", "9877",
            "STATUS_EXPORTER_PORT", "tcp://10.96.12.34:9877",
            "STATUS_EXPORTER_PORT_9877_TCP", "tcp://10.96.12.34:9877",
            "STATUS_EXPORTER_PORT_9877_TCP_PROTO", "tcp",
            "STATUS_EXPORTER_PORT_9877_TCP_PORT", "9877",
            "STATUS_EXPORTER_PORT_9877_TCP_ADDR", "10.96.12.34");

    AgentConfig config = ConfigParser.parse("", NO_PROPERTIES, env);

    assertThat(config.port()).isEqualTo(9877);
  }

  @Test
  void quotedValuesMayHoldCommasAndEqualsSigns() throws ConfigException {
    AgentConfig config =
        ConfigParser.parse(
            "source=\"http://localhost:8000/status?a=1,b=2\",port=9100", NO_PROPERTIES, NO_ENV);

    assertThat(http(config).uri()).isEqualTo(URI.create("http://localhost:8000/status?a=1,b=2"));
    assertThat(config.port()).isEqualTo(9100);
  }

  @Test
  void anMBeanSourceMayBeANameWithCommasWhenQuoted() throws ConfigException {
    AgentConfig config =
        ConfigParser.parse(
            "source=\"mbean:com.example:type=Pool,name=main\",port=9100", NO_PROPERTIES, NO_ENV);

    assertThat(mbean(config).objectName().getKeyProperty("name")).isEqualTo("main");
    assertThat(config.source().orElseThrow()).hasToString("mbean:com.example:type=Pool,name=main");
    assertThat(config.port()).isEqualTo(9100);
  }

  @Test
  void anMBeanSourceMayBeAPattern() throws ConfigException {
    AgentConfig config = ConfigParser.parse("source=mbean:com.example:*", NO_PROPERTIES, NO_ENV);

    assertThat(mbean(config).objectName().isPattern()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "port=abc | agent argument port: 'abc' is not a port number from 1 to 65535",
        "port=0 | agent argument port: '0' is not a port number from 1 to 65535",
        "port=65536 | agent argument port: '65536' is not a port number from 1 to 65535",
        "host=a b | agent argument host: 'a b' is not a host name or IP address, such as"
            + " 127.0.0.1",
        "source=ftp://x/status | agent argument source: 'ftp://x/status' is not an http:// or"
            + " https:// URL, an mbean: name, or none, such as http://localhost:8000/status or"
            + " mbean:demo:type=Status",
        "source=localhost:8000 | agent argument source: 'localhost:8000' is not an http:// or"
            + " https:// URL, an mbean: name, or none, such as http://localhost:8000/status or"
            + " mbean:demo:type=Status",
        "source=mbean:nodomain | agent argument source: 'mbean:nodomain' is not an MBean name or"
            + " pattern (Key properties cannot be empty), such as"
            + " mbean:\"com.example:type=Pool,name=main\" (quoted for the comma)",
        "timeout=soon | agent argument timeout: 'soon' is not a duration from 1ms to 60s, such"
            + " as 500ms or 2s",
        "timeout=0s | agent argument timeout: '0s' is not a duration from 1ms to 60s, such as"
            + " 500ms or 2s",
        "timeout=61s | agent argument timeout: '61s' is not a duration from 1ms to 60s, such as"
            + " 500ms or 2s",
        "instrument=yes | agent argument instrument: 'yes' is not true or false",
        "max-series=0 | agent argument max-series: '0' is not a whole number of series from 1 to"
            + " 1000000, such as 10000",
        "max-series=1e4 | agent argument max-series: '1e4' is not a whole number of series from 1"
            + " to 1000000, such as 10000",
        "max-series=1000001 | agent argument max-series: '1000001' is not a whole number of series"
            + " from 1 to 1000000, such as 10000",
        "source=ftp://user:secret@x/status?token=secret | agent argument source:"
            + " 'ftp://***@x/status?token=***' is not an http:// or https:// URL, an mbean: name,"
            + " or none, such as http://localhost:8000/status or mbean:demo:type=Status",
        "'source=\"http://user:secret@x?token=secret' | agent arguments"
            + " 'source=\"http://***@x?token=***': a double quote is not closed",
        "http://user:secret@x | agent argument 'http://***@x' is not of the form key=value",
        "histogram=fancy | agent argument histogram: 'fancy' is not one of both, classic, native",
        "ignore-routes=health | agent argument ignore-routes: 'health' in 'health' is not a route"
            + " as the agent records it, starting with /, such as /actuator/health (several are"
            + " separated by commas, the whole value in double quotes)",
        "'ignore-routes=\"/health,\"' | agent argument ignore-routes: '' in '/health,' is not a"
            + " route as the agent records it, starting with /, such as /actuator/health (several"
            + " are separated by commas, the whole value in double quotes)",
        "prot=9100 | unknown option 'prot' (known options: port, host, source, timeout, max-series, config, instrument, histogram, ignore-routes, web-config)",
        "port | agent argument 'port' is not of the form key=value",
        "port=1,port=2 | agent argument 'port' is given twice",
        "source=\"http://x | agent arguments 'source=\"http://x': a double quote is not closed",
      })
  void badAgentArgumentsAreRejectedWithAMessageNamingKeyValueAndExpectation(
      String arguments, String message) {
    assertThatThrownBy(() -> ConfigParser.parse(arguments, NO_PROPERTIES, NO_ENV))
        .isInstanceOf(ConfigException.class)
        .hasMessage(message);
  }

  @Test
  void badSystemPropertiesAndVariablesNameWhereTheyCameFrom() {
    Properties properties = new Properties();
    properties.setProperty("statusexporter.prot", "9100");
    Map<String, String> env = Map.of("STATUS_EXPORTER_TIMEOUT", "forever");

    assertThatThrownBy(() -> ConfigParser.parse("", properties, env))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "unknown option 'statusexporter.prot' (known options: port, host, source, timeout, max-series, config, instrument, histogram, ignore-routes, web-config);"
                + " environment variable STATUS_EXPORTER_TIMEOUT: 'forever' is not a duration"
                + " from 1ms to 60s, such as 500ms or 2s");
  }

  @Test
  void anMBeanNameWithCommasNeedsNoQuotesAsASystemPropertyOrVariable() throws ConfigException {
    // What survives catalina.sh's eval, systemd's Environment= and JAVA_TOOL_OPTIONS: no quotes.
    Properties properties = new Properties();
    properties.setProperty(
        "statusexporter.source", "mbean:Catalina:type=Manager,context=/examples,host=localhost");

    AgentConfig fromProperty = ConfigParser.parse("port=9100", properties, NO_ENV);
    AgentConfig fromVariable =
        ConfigParser.parse(
            "", NO_PROPERTIES, Map.of("STATUS_EXPORTER_SOURCE", "mbean:a:type=Pool,name=main,*"));

    assertThat(((MBeanSource) fromProperty.source().get()).objectName().getKeyPropertyList())
        .containsEntry("context", "/examples")
        .containsEntry("host", "localhost");
    assertThat(fromProperty.host()).isEmpty();
    assertThat(((MBeanSource) fromVariable.source().get()).objectName().isPropertyListPattern())
        .isTrue();
    assertThat(fromProperty.sourceIsDefault()).isFalse();
  }

  @Test
  void anMBeanNameSplitAtItsCommasSaysWhereItGoesWhole() {
    assertThatThrownBy(
            () ->
                ConfigParser.parse(
                    "source=mbean:Catalina:type=Manager,context=/examples", NO_PROPERTIES, NO_ENV))
        .hasMessage(
            "unknown option 'context' (known options: port, host, source, timeout, max-series,"
                + " config, instrument, histogram, ignore-routes, web-config); an MBean name's"
                + " commas split the agent argument: give the name where commas need no quotes,"
                + " as the system property -Dstatusexporter.source=mbean:... or the environment"
                + " variable STATUS_EXPORTER_SOURCE, or in double quotes the shell keeps"
                + " (source=\"mbean:...\")");
  }

  @Test
  void onlyAnUnsetSourceIsTheDefaultOne() throws ConfigException {
    assertThat(ConfigParser.parse("", NO_PROPERTIES, NO_ENV).sourceIsDefault()).isTrue();
    assertThat(
            ConfigParser.parse("source=http://localhost:8000/status", NO_PROPERTIES, NO_ENV)
                .sourceIsDefault())
        .isFalse();
  }

  @Test
  void aConfigFileIsAPath() throws ConfigException {
    AgentConfig config =
        ConfigParser.parse("config=/etc/status-exporter.yml", NO_PROPERTIES, NO_ENV);

    assertThat(config.configFile()).contains(java.nio.file.Paths.get("/etc/status-exporter.yml"));
  }

  @Test
  void aConfigFileAndASourceOptionCannotBothBeSet() {
    assertThatThrownBy(
            () ->
                ConfigParser.parse(
                    "config=/etc/x.yml",
                    NO_PROPERTIES,
                    Map.of("STATUS_EXPORTER_SOURCE", "http://a/b")))
        .hasMessage(
            "environment variable STATUS_EXPORTER_SOURCE and agent argument config are both set:"
                + " declare the source in the file");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    assertThatThrownBy(() -> ConfigParser.parse("port=x,timeout=y", NO_PROPERTIES, NO_ENV))
        .hasMessage(
            "agent argument port: 'x' is not a port number from 1 to 65535; agent argument"
                + " timeout: 'y' is not a duration from 1ms to 60s, such as 500ms or 2s");
  }

  /** Found by fuzzing (ConfigParserFuzzTest): the agent prints the message as one line. */
  @Test
  void lineBreaksInNamesAndValuesAreShownEscapedInTheOneLineMessage() {
    Map<String, String> env =
        Map.of(
            "STATUS_EXPORTER_PORT_9877_TCP_A\n.0.0.1",
            "",
            "STATUS_EXPORTER_HISTOGRAM",
            "classic\nnative");

    assertThatThrownBy(() -> ConfigParser.parse("", NO_PROPERTIES, env))
        .hasMessageContaining(
            "unknown option 'STATUS_EXPORTER_PORT_9877_TCP_A\\n.0.0.1' (known options: ")
        .hasMessageContaining(
            "environment variable STATUS_EXPORTER_HISTOGRAM: 'classic\\nnative' is not one of both,"
                + " classic, native")
        .message()
        .doesNotContain("\n");
  }

  /**
   * Found by fuzzing (ConfigParserFuzzTest): a host with a line break was accepted, and the agent
   * then named it in a two-line "cannot listen on" message.
   */
  @Test
  void aHostOrConfigFileWithALineBreakIsRejected() {
    Map<String, String> env =
        Map.of(
            "STATUS_EXPORTER_HOST", "0.0.nv.\n-exporter.yml",
            "STATUS_EXPORTER_CONFIG", "/etc/status\n-exporter.yml");

    assertThatThrownBy(() -> ConfigParser.parse("", NO_PROPERTIES, env))
        .hasMessageContaining(
            "environment variable STATUS_EXPORTER_HOST: '0.0.nv.\\n-exporter.yml' is not a host"
                + " name or IP address")
        .hasMessageContaining(
            "environment variable STATUS_EXPORTER_CONFIG: '/etc/status\\n-exporter.yml' is not a"
                + " file path");
  }

  private static HttpSource http(AgentConfig config) {
    return (HttpSource) config.source().orElseThrow();
  }

  private static MBeanSource mbean(AgentConfig config) {
    return (MBeanSource) config.source().orElseThrow();
  }
}
