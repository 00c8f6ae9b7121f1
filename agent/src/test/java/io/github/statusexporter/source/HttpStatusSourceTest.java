package io.github.statusexporter.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpStatusSourceTest {
  private final LocalStatusServer server = new LocalStatusServer();

  HttpStatusSourceTest() throws IOException {}

  @AfterEach
  void stopServer() {
    server.close();
  }

  private HttpStatusSource source(URI uri) {
    return source(uri, AcceptedStatuses.DEFAULT);
  }

  private HttpStatusSource source(URI uri, AcceptedStatuses accepted) {
    return new HttpStatusSource(
        uri, Duration.ofMillis(500), "status-exporter/test", java.util.Map.of(), null, accepted);
  }

  private FailureReason failureOf(URI uri) {
    try {
      source(uri).read();
    } catch (SourceException e) {
      return e.reason();
    }
    throw new AssertionError("the read succeeded");
  }

  @Test
  void readsTheStatusDocument() throws SourceException {
    server.answer(200, "{\"current_requests\": 3, \"health\": \"healthy\"}");

    Record record = source(server.uri()).read().records().get(0);

    assertThat(record.get(FieldPath.parse("current_requests"))).isEqualTo(3.0);
    assertThat(record.get(FieldPath.parse("health"))).isEqualTo("healthy");
  }

  @Test
  void readsAChunkedStatusDocument() throws SourceException {
    server.answer(200, "{\"current_requests\": 3}").chunked();

    Record record = source(server.uri()).read().records().get(0);

    assertThat(record.get(FieldPath.parse("current_requests"))).isEqualTo(3.0);
  }

  @Test
  void aChunkedBodyOverTheLimitIsNotReadFurther() {
    byte[] huge = new byte[HttpStatusSource.MAX_BODY_BYTES + 1];
    java.util.Arrays.fill(huge, (byte) ' ');
    server.answer(200, huge).chunked();

    assertThat(failureOf(server.uri())).isEqualTo(FailureReason.TOO_LARGE);
  }

  @Test
  void anHttpErrorIsAFailedRead() {
    server.answer(404, "{\"error\": true}");
    assertThat(failureOf(server.uri())).isEqualTo(FailureReason.HTTP_STATUS);
    server.answer(404, "");
    assertThat(failureOf(server.uri())).isEqualTo(FailureReason.HTTP_STATUS);
  }

  @Test
  void aHealthEndpointsDownIsReadFromIts503Or500ByDefault() throws SourceException {
    // Spring Boot Actuator and MicroProfile Health when DOWN; Dropwizard's health checks.
    server.answer(503, "{\"status\": \"DOWN\", \"components\": {\"db\": {\"status\": \"DOWN\"}}}");
    Record down = source(server.uri()).read().records().get(0);
    server.answer(500, "{\"deadlocks\": {\"healthy\": false}}");
    Record unhealthy = source(server.uri()).read().records().get(0);

    assertThat(down.get(FieldPath.parse("components.db.status"))).isEqualTo("DOWN");
    assertThat(unhealthy.get(FieldPath.parse("deadlocks.healthy"))).isEqualTo(false);
  }

  @Test
  void anErrorStatusWithoutAJsonBodyIsAFailedReadForItsStatus() {
    server.answer(503, "<html>Service Unavailable</html>");
    assertThatThrownBy(() -> source(server.uri()).read())
        .isInstanceOf(SourceException.class)
        .hasMessageStartingWith("answered HTTP 503 with a body that is not a JSON status: ")
        .extracting(e -> ((SourceException) e).reason())
        .isEqualTo(FailureReason.HTTP_STATUS);
    server.answer(500, "");
    assertThat(failureOf(server.uri())).isEqualTo(FailureReason.HTTP_STATUS);
  }

  @Test
  void onlyTheValidStatusCodesGivenAreRead() throws SourceException {
    HttpStatusSource strict = source(server.uri(), AcceptedStatuses.of(java.util.Set.of(200, 207)));
    server.answer(503, "{\"status\": \"DOWN\"}");
    assertThatThrownBy(strict::read)
        .isInstanceOf(SourceException.class)
        .hasMessage("answered HTTP 503, not one of its valid_status_codes 200, 207");
    server.answer(207, "{\"status\": \"UP\"}");
    assertThat(strict.read().records().get(0).get(FieldPath.parse("status"))).isEqualTo("UP");
  }

  @Test
  void aRedirectIsNotFollowed() {
    server.redirectTo("http://example.invalid/status");
    assertThatThrownBy(() -> source(server.uri()).read())
        .isInstanceOf(SourceException.class)
        .hasMessage("answered HTTP 302 instead of 200");
  }

  @Test
  void aBodyThatIsNotJsonIsAFailedRead() {
    server.answer(200, "<html>oops</html>");
    assertThat(failureOf(server.uri())).isEqualTo(FailureReason.INVALID_JSON);
    server.answer(200, "");
    assertThat(failureOf(server.uri())).isEqualTo(FailureReason.INVALID_JSON);
  }

  @Test
  void aBodyOverTheLimitIsNotReadFurther() {
    byte[] huge = new byte[HttpStatusSource.MAX_BODY_BYTES + 1];
    java.util.Arrays.fill(huge, (byte) ' ');
    server.answer(200, huge);

    assertThat(failureOf(server.uri())).isEqualTo(FailureReason.TOO_LARGE);
  }

  @Test
  void aSlowServerIsATimeout() {
    server.answer(200, "{}").delay(2_000);
    assertThat(failureOf(server.uri())).isEqualTo(FailureReason.TIMEOUT);
  }

  @Test
  void aClosedPortIsConnectionRefused() throws IOException {
    int freePort;
    try (ServerSocket socket = new ServerSocket(0)) {
      freePort = socket.getLocalPort();
    }
    assertThat(failureOf(URI.create("http://127.0.0.1:" + freePort + "/status")))
        .isEqualTo(FailureReason.CONNECTION_REFUSED);
  }

  @Test
  void theDescriptionMasksQueryValuesAndUserInfo() {
    HttpStatusSource source =
        source(URI.create("http://user:secret@localhost:8000/status?token=x"));
    assertThat(source.describe()).isEqualTo("http://***@localhost:8000/status?token=***");
  }

  @Test
  void aBrokenStatusLineIsSaidToBeOne() throws IOException {
    try (RawStatusServer garbage = new RawStatusServer()) {
      garbage.raw("SSH-2.0-OpenSSH_9.2\r\n\r\n", 0);

      assertThatThrownBy(() -> source(garbage.uri()).read())
          .isInstanceOf(SourceException.class)
          .hasMessage("did not answer with a valid HTTP status line")
          .extracting(e -> ((SourceException) e).reason())
          .isEqualTo(FailureReason.NOT_HTTP);
    }
  }

  @Test
  void aPortThatClosesWithoutAnsweringIsNotHttp() throws IOException {
    try (RawStatusServer silent = new RawStatusServer()) {
      silent.raw("", 0);

      assertThatThrownBy(() -> source(silent.uri()).read())
          .isInstanceOf(SourceException.class)
          .hasMessageStartingWith("closed the connection without an HTTP answer")
          .extracting(e -> ((SourceException) e).reason())
          .isEqualTo(FailureReason.NOT_HTTP);
    }
  }
}
