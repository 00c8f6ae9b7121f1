package io.github.statusexporter.config.jmxexporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.statusexporter.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jmx_exporter 1.0.1's keys, defaults and validation; what has no meaning here is said. */
class JmxExporterConfigTest {
  @TempDir Path directory;

  @Test
  void anEmptyFileIsEveryMBeanInTheDefaultFormat() throws Exception {
    JmxExporterConfig config = JmxExporterConfig.load(file(""));
    assertThat(config.rules()).hasSize(1);
    assertThat(config.rules().get(0).pattern()).isEmpty();
    assertThat(config.rules().get(0).name()).isEmpty();
    assertThat(config.includeObjectNames()).isEmpty();
    assertThat(config.autoExcludeObjectNameAttributes()).isTrue();
    assertThat(config.notices()).isEmpty();
    assertThat(JmxExporterConfig.load(file("---\n")).rules()).hasSize(1);
  }

  @Test
  void anEmptyListOfRulesExportsNothing() throws Exception {
    assertThat(JmxExporterConfig.parse("rules: []\n").rules()).isEmpty();
  }

  @Test
  void rulesKeepJmxExportersMeanings() throws Exception {
    JmxRule rule =
        JmxExporterConfig.parse(
                "rules:\n"
                    + "- pattern: 'a<type=(\\w+)><>(\\w+)'\n"
                    + "  name: x_$1\n"
                    + "  value:\n"
                    + "  valueFactor: 0.001\n"
                    + "  labels: {zeta: $2, alpha: '1'}\n"
                    + "  help: h $1\n"
                    + "  type: UNTYPED\n"
                    + "  attrNameSnakeCase: yes\n"
                    + "  cache: on\n")
            .rules()
            .get(0);
    assertThat(rule.pattern().get().pattern()).isEqualTo("^.*(?:a<type=(\\w+)><>(\\w+)).*$");
    assertThat(rule.value()).contains("null"); // String.valueOf(null), as jmx_exporter has it
    assertThat(rule.valueFactor()).isEqualTo(0.001);
    assertThat(rule.labelNames()).containsExactly("alpha", "zeta");
    assertThat(rule.labelValues()).containsExactly("1", "$2");
    assertThat(rule.type()).isEqualTo(JmxRule.Type.UNKNOWN);
    assertThat(rule.attrNameSnakeCase()).isTrue();
    assertThat(rule.cache()).isTrue();
  }

  @Test
  void onlyExactCounterAndGaugeAreTyped() throws Exception {
    JmxExporterConfig config =
        JmxExporterConfig.parse(
            "rules:\n- {pattern: a, type: COUNTER}\n- {pattern: a, type: GAUGE}\n"
                + "- {pattern: a, type: gauge}\n- {pattern: a, type: SUMMARY}\n");
    assertThat(config.rules())
        .extracting(JmxRule::type)
        .containsExactly(
            JmxRule.Type.COUNTER, JmxRule.Type.GAUGE, JmxRule.Type.UNKNOWN, JmxRule.Type.UNKNOWN);
  }

  @Test
  void theNewNamesOfTheObjectNameListsWinOverTheOld() throws Exception {
    JmxExporterConfig config =
        JmxExporterConfig.parse(
            "includeObjectNames: ['java.lang:*']\nwhitelistObjectNames: ['a:*']\n"
                + "blacklistObjectNames: ['java.lang:type=Runtime']\n"
                + "excludeObjectNameAttributes:\n  'java.lang:type=OperatingSystem': [ProcessCpuLoad]\n");
    assertThat(config.includeObjectNames().get()).containsExactly(new ObjectName("java.lang:*"));
    assertThat(config.excludeObjectNames())
        .containsExactly(new ObjectName("java.lang:type=Runtime"));
    assertThat(config.excludedAttributes())
        .containsEntry(
            new ObjectName("java.lang:type=OperatingSystem"), java.util.Set.of("ProcessCpuLoad"));
  }

  @Test
  void aRemoteJvmIsRefused() {
    assertThatThrownBy(() -> JmxExporterConfig.parse("hostPort: localhost:9999\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("hostPort: this agent reads the MBeans of the JVM it runs in");
    assertThatThrownBy(
            () -> JmxExporterConfig.parse("jmxUrl: service:jmx:rmi:///jndi/rmi://h:1/jmxrmi\n"))
        .hasMessageContaining("jmxUrl: this agent reads the MBeans of the JVM it runs in");
  }

  @Test
  void threadsOfItsServerAreSaidUnused() throws Exception {
    JmxExporterConfig threads =
        JmxExporterConfig.parse(
            "httpServer:\n  threads: {minimum: 1, maximum: 2, keepAliveTime: 3}\n");
    assertThat(threads.notices())
        .singleElement()
        .asString()
        .contains("httpServer.threads: not used");
  }

  @Test
  void authenticationAndTlsOfItsServerAreReadWithJmxExportersDefaults() throws Exception {
    Path secured =
        file(
            "httpServer:\n  authentication:\n    basic:\n      username: u\n      password: p\n"
                + "  ssl:\n    certificate:\n      alias: localhost\n");
    HttpServerSecurity security = HttpServerSecurity.load(secured).orElseThrow();

    BasicAuthSettings basic = security.basicAuth().orElseThrow();
    assertThat(basic.username()).isEqualTo("u");
    assertThat(basic.isPlaintext()).isTrue();
    assertThat(basic.password()).contains("p");
    KeyStoreSettings keyStore = security.keyStore().orElseThrow();
    assertThat(keyStore.alias()).isEqualTo("localhost");
    assertThat(keyStore.filename()).as("javax.net.ssl.keyStore then").isEmpty();
    assertThat(keyStore.password()).isEmpty();
    assertThat(keyStore.filenameWhere()).endsWith(":7: httpServer.ssl.keyStore.filename");
    assertThat(security.where()).endsWith(":2: httpServer");
    assertThat(JmxExporterConfig.load(secured).notices()).isEmpty();

    assertThat(HttpServerSecurity.load(file("httpServer:\n  threads: {}\n"))).isEmpty();
    // Not YAML: what it protects cannot be known, so nothing is served (jmx_exporter exits).
    assertThatThrownBy(() -> HttpServerSecurity.load(file("rules: [\n")))
        .hasMessageContaining("is not valid YAML");
    BasicAuthSettings pbkdf2 =
        HttpServerSecurity.load(
                file(
                    "httpServer:\n  authentication:\n    basic:\n      username: u\n"
                        + "      algorithm: PBKDF2WithHmacSHA256\n      passwordHash: AB:CD\n"
                        + "      salt: s\n      iterations: 1000\n      keyLength: 64\n"))
            .orElseThrow()
            .basicAuth()
            .orElseThrow();
    assertThat(pbkdf2.iterations()).isEqualTo(1000);
    assertThat(pbkdf2.keyLength()).isEqualTo(64);
    assertThat(pbkdf2.passwordHash()).contains("AB:CD");
  }

  /** HTTPServerFactory's refusals, as messages that name the key. */
  @Test
  void authenticationAndTlsThatJmxExporterRefusesAreRefusedNamingTheKey() throws Exception {
    String basic = "httpServer:\n  authentication:\n    basic:\n";
    assertRefused(
        "httpServer:\n  authentication:\n",
        ":2: httpServer.authentication: needs basic, jmx_exporter's only authentication");
    assertRefused(
        "httpServer:\n  authentication:\n    digest: {}\n",
        "httpServer.authentication: needs basic");
    assertRefused(
        basic + "      password: p\n", ":4: httpServer.authentication.basic: needs username");
    assertRefused(
        basic + "      username: ' '\n      password: p\n",
        "httpServer.authentication.basic.username: must not be blank");
    assertRefused(
        basic + "      username: u\n",
        "httpServer.authentication.basic.password: is required (a string)");
    assertRefused(
        basic + "      username: u\n      algorithm: sha-256\n",
        "httpServer.authentication.basic.algorithm: 'sha-256' is not supported: one of"
            + " plaintext, SHA-1");
    assertRefused(basic + "      username: u\n      algorithm: MD5\n", "'MD5' is not supported");
    assertRefused(
        basic + "      username: u\n      algorithm: SHA-256\n      salt: s\n",
        "httpServer.authentication.basic.passwordHash: is required");
    assertRefused(
        basic + "      username: u\n      algorithm: SHA-1\n      passwordHash: ab\n",
        "httpServer.authentication.basic.salt: is required");
    String pbkdf2 =
        basic
            + "      username: u\n      algorithm: PBKDF2WithHmacSHA1\n      passwordHash: ab\n"
            + "      salt: s\n";
    assertRefused(
        pbkdf2 + "      iterations: 0\n",
        "httpServer.authentication.basic.iterations: must be 1 or more");
    assertRefused(
        pbkdf2 + "      iterations: many\n",
        "httpServer.authentication.basic.iterations: 'many' is not an integer");
    assertRefused(
        pbkdf2 + "      keyLength: 300000000\n",
        "httpServer.authentication.basic.keyLength: is too large");
    assertRefused(
        "httpServer:\n  ssl:\n    keyStore:\n      filename: k.p12\n",
        "httpServer.ssl: needs certificate, with alias, the keystore entry served");
    assertRefused(
        "httpServer:\n  ssl:\n    certificate:\n      alias: ''\n",
        "httpServer.ssl.certificate.alias: must not be blank");
    assertRefused(
        "httpServer:\n  ssl:\n    keyStore:\n      password: ''\n"
            + "    certificate:\n      alias: a\n",
        "httpServer.ssl.keyStore.password: must not be blank");
  }

  private void assertRefused(String yaml, String message) throws Exception {
    Path file = file(yaml);
    assertThatThrownBy(() -> HttpServerSecurity.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(message);
    assertThatThrownBy(() -> JmxExporterConfig.load(file)).hasMessageContaining(message);
  }

  @Test
  void whatJmxExporterIgnoresInItsBasicAuthenticationIsNamed() throws Exception {
    JmxExporterConfig config =
        JmxExporterConfig.parse(
            "httpServer:\n  authentication:\n    basic:\n      username: u\n"
                + "      algorithm: SHA-256\n      salt: s\n      passwordHash: 0a1b\n"
                + "      pasword: x\n");
    assertThat(config.notices())
        .hasSize(2)
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("httpServer.authentication.basic.pasword: not a jmx_exporter key"))
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains(
                        "httpServer.authentication.basic.passwordHash: starts with 0, but"
                            + " jmx_exporter 1.0.1 compares it with a hash printed without leading"
                            + " zeros"));
  }

  @Test
  void whatHasNoMeaningHereIsNamedOnce() throws Exception {
    JmxExporterConfig config =
        JmxExporterConfig.parse(
            "startDelaySeconds: 10\nusername: u\nlowercaseOutputNames: true\n"
                + "rules:\n- pattern: a\n  valueFactr: 2\n  valueFactor: two\n");
    assertThat(config.notices())
        .hasSize(5)
        .anySatisfy(line -> assertThat(line).contains("startDelaySeconds: not needed here"))
        .anySatisfy(line -> assertThat(line).contains("username: used only to read a remote JVM"))
        .anySatisfy(
            line -> assertThat(line).contains("lowercaseOutputNames: not a jmx_exporter key"))
        .anySatisfy(line -> assertThat(line).contains("valueFactr: not a rule key"))
        .anySatisfy(line -> assertThat(line).contains("'two' is not a number; 1 is used"));
  }

  @Test
  void jmxExportersValidationNamesTheRule() {
    assertThatThrownBy(() -> JmxExporterConfig.parse("rules:\n- {pattern: a, help: h}\n"))
        .hasMessageContaining("Must provide name, if help or labels are given");
    assertThatThrownBy(() -> JmxExporterConfig.parse("rules:\n- {name: a}\n"))
        .hasMessageContaining("Must provide pattern, if name is given");
    assertThatThrownBy(() -> JmxExporterConfig.parse("rules:\n- {value: 1}\n"))
        .hasMessageContaining("rules[0].value: needs a pattern");
    assertThatThrownBy(() -> JmxExporterConfig.parse("rules:\n- {pattern: 'a(('}\n"))
        .hasMessageContaining("rules[0].pattern: 'a((' is not a regular expression");
    assertThatThrownBy(() -> JmxExporterConfig.parse("includeObjectNames: ['no colon']\n"))
        .hasMessageContaining("'no colon' is not an MBean name or pattern");
    assertThatThrownBy(() -> JmxExporterConfig.parse("lowercaseOutputName: sure\n"))
        .hasMessageContaining("'sure' is not true or false");
    assertThatThrownBy(() -> JmxExporterConfig.parse("rules:\n"))
        .hasMessageContaining("rules: is empty");
  }

  @Test
  void groupReferencesAreNotTakenForEnvironmentVariables() throws Exception {
    JmxRule rule =
        JmxExporterConfig.parse("rules:\n- pattern: '(?<n>a)'\n  name: x_${n}\n").rules().get(0);
    assertThat(rule.name()).contains("x_${n}");
  }

  @Test
  void itsFilesAreKnownByTheirKeys() throws Exception {
    assertThat(JmxExporterConfig.isOne(file("rules:\n- pattern: a\n"))).isTrue();
    assertThat(JmxExporterConfig.isOne(file("lowercaseOutputName: true\n"))).isTrue();
    assertThat(JmxExporterConfig.isOne(file("sources:\n- url: http://localhost:1/\n"))).isFalse();
    assertThat(JmxExporterConfig.isOne(file("[not, a, mapping]\n"))).isFalse();
  }

  @Test
  void theAgentArgumentIsJmxExportersForm() {
    JmxExporterArgument plain = JmxExporterArgument.parse("9404:config.yaml").get();
    assertThat(plain.host()).isEmpty();
    assertThat(plain.port()).isEqualTo("9404");
    assertThat(plain.file()).isEqualTo("config.yaml");
    JmxExporterArgument ipv6 = JmxExporterArgument.parse("[::1]:9404:/etc/c:x.yaml").get();
    assertThat(ipv6.host()).contains("::1");
    assertThat(ipv6.file()).isEqualTo("/etc/c:x.yaml");
    assertThat(JmxExporterArgument.parse("my-host.local:1:c.yml").get().host())
        .contains("my-host.local");
    assertThat(JmxExporterArgument.parse("port=9100,source=none")).isEmpty();
    assertThat(JmxExporterArgument.parse("9404")).isEmpty();
    assertThat(JmxExporterArgument.parse("source=mbean:a:type=b")).isEmpty();
    assertThat(JmxExporterArgument.parse(null)).isEmpty();
  }

  private Path file(String text) throws Exception {
    Path file = Files.createTempFile(directory, "jmx", ".yaml");
    Files.writeString(file, text);
    return file;
  }
}
