package io.github.statusexporter.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppStatusTest {
  @Test
  void theJsonHasExactlyTheSeedsKeys() {
    AppStatus status = new AppStatus();
    status.accepted();
    status.accepted();
    status.started();

    assertThat(status.toJson())
        .matches(
            "\\{\"current_requests\": 1, \"pending_requests\": 1,"
                + " \"total_uptime\": [0-9.E-]+, \"health\": \"healthy\"}");
  }

  @Test
  void requestsMoveFromPendingToCurrentToDone() {
    AppStatus status = new AppStatus();
    status.accepted();
    assertThat(status.getPendingRequests()).isEqualTo(1);
    status.started();
    assertThat(status.getPendingRequests()).isZero();
    assertThat(status.getCurrentRequests()).isEqualTo(1);
    status.finished();
    assertThat(status.getCurrentRequests()).isZero();
  }

  @Test
  void healthCanBeSet() {
    AppStatus status = new AppStatus();
    status.setHealth(AppStatus.UNHEALTHY);
    assertThat(status.toJson()).endsWith("\"health\": \"unhealthy\"}");
  }
}
