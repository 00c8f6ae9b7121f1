package io.github.statusexporter.instrumentation.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ServletApiTest {
  @Test
  void requestsOfEachServletApiGetTheirAdapterAndOthersNone() {
    assertThat(ServletApi.of(jakarta.servlet.http.HttpServletRequestWrapper.class))
        .isInstanceOf(JakartaRequests.class);
    assertThat(ServletApi.of(javax.servlet.http.HttpServletRequestWrapper.class))
        .isInstanceOf(JavaxRequests.class);
    assertThat(ServletApi.of(Object.class).enter(new Object())).isZero();
  }

  @Test
  void anExceptionMeans500UnlessTheResponseWasAlreadyCommitted() {
    IOException thrown = new IOException("broken");

    assertThat(ServletApi.status(200, false, null)).isEqualTo(200);
    assertThat(ServletApi.status(200, false, thrown)).isEqualTo(500);
    assertThat(ServletApi.status(200, true, thrown)).isEqualTo(200);
  }
}
