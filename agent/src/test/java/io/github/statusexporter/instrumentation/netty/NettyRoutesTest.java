package io.github.statusexporter.instrumentation.netty;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NettyRoutesTest {
  @Test
  void theRawPathOfAUriHasNoQueryNorHost() {
    assertThat(NettyRoutes.path("/a/b")).isEqualTo("/a/b");
    assertThat(NettyRoutes.path("/a/b?c=/d")).isEqualTo("/a/b");
    assertThat(NettyRoutes.path("http://host:1/a?b")).isEqualTo("/a");
    assertThat(NettyRoutes.path("http://host:1")).isEqualTo("/");
    assertThat(NettyRoutes.path("*")).isEqualTo("*");
  }
}
