package io.github.statusexporter.instrumentation.weaving;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KnownServerTest {
  private final KnownServer jetty =
      new KnownServer("Jetty", "org.eclipse.jetty.server.Server", "g:a", "9.4", "12");

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
  void aNewestMinorVersionBoundsTheMinorVersionsToo() {
    KnownServer vertx = new KnownServer("Vert.x", "io.vertx.core.Vertx", "g:a", "4.5", "5.0");

    assertThat(vertx.measures("4.5.14")).isTrue();
    assertThat(vertx.measures("5.0.7")).isTrue();
    assertThat(vertx.measures("4.4.9")).isFalse();
    assertThat(vertx.measures("5.1.10")).isFalse();
  }

  @Test
  void aVersionItCannotReadIsNoReasonToRefuse() {
    assertThat(jetty.measures("")).isTrue();
    assertThat(jetty.measures("unknown")).isTrue();
  }

  @Test
  void saysItsVersionsAsAPersonWritesThem() {
    assertThat(jetty.versionsMeasured()).isEqualTo("9.4 to 12.x");
    assertThat(new KnownServer("Tomcat", "x", "g:a", "9.0", "11").versionsMeasured())
        .isEqualTo("9 to 11.x");
    assertThat(new KnownServer("Undertow", "x", "g:a", "2.0", "2").versionsMeasured())
        .isEqualTo("2.x");
    assertThat(new KnownServer("Vert.x", "x", "g:a", "4.5", "5.0").versionsMeasured())
        .isEqualTo("4.5 to 5.0");
  }

  @Test
  void knowsItsMarkerByItsInternalName() {
    assertThat(jetty.isMarker("org/eclipse/jetty/server/Server")).isTrue();
    assertThat(jetty.isMarker("org/eclipse/jetty/server/ServerConnector")).isFalse();
  }
}
