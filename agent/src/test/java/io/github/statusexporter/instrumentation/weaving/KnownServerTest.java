package io.github.statusexporter.instrumentation.weaving;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KnownServerTest {
  private final KnownServer jetty =
      new KnownServer("Jetty", "org.eclipse.jetty.server.Server", "9.4", 12);

  @Test
  void measuresTheVersionsInItsRangeWhateverTheirPatchOrQualifier() {
    assertThat(jetty.measures("9.4.58.v20250814")).isTrue();
    assertThat(jetty.measures("10.0.26")).isTrue();
    assertThat(jetty.measures("12.1.0-beta1")).isTrue();
  }

  @Test
  void refusesOlderAndNewerVersions() {
    assertThat(jetty.measures("9.2.30.v20200428")).isFalse();
    assertThat(jetty.measures("8.1.22")).isFalse();
    assertThat(jetty.measures("13.0.0")).isFalse();
  }

  @Test
  void aVersionItCannotReadIsNoReasonToRefuse() {
    assertThat(jetty.measures("")).isTrue();
    assertThat(jetty.measures("unknown")).isTrue();
  }

  @Test
  void saysItsVersionsAsAPersonWritesThem() {
    assertThat(jetty.versionsMeasured()).isEqualTo("9.4 to 12.x");
    assertThat(new KnownServer("Tomcat", "x", "9.0", 11).versionsMeasured()).isEqualTo("9 to 11.x");
    assertThat(new KnownServer("Undertow", "x", "2.0", 2).versionsMeasured()).isEqualTo("2.x");
  }

  @Test
  void knowsItsMarkerByItsInternalName() {
    assertThat(jetty.isMarker("org/eclipse/jetty/server/Server")).isTrue();
    assertThat(jetty.isMarker("org/eclipse/jetty/server/ServerConnector")).isFalse();
  }
}
