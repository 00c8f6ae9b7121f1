package io.github.statusexporter.instrumentation.netty;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectionRequestsTest {
  private final ConnectionRequests requests = new ConnectionRequests();

  @Test
  void aRequestIsFoundByItsKeyUntilItEnds() {
    Object key = new Object();
    ConnectionRequests.Request request = requests.begin(key, 0, true, 42);

    assertThat(requests.find(key)).isSameAs(request);
    assertThat(request.https()).isTrue();
    assertThat(request.startNanos()).isEqualTo(42);
    assertThat(request.template()).isNull();
    assertThat(request.context()).isEmpty();
    assertThat(requests.find(new Object())).isNull();

    request.end();
    assertThat(requests.find(key)).isNull();
  }

  @Test
  void theNextRequestMayBeginBeforeTheLastEndsAndEachKeepsItsTemplate() {
    Object last = new Object();
    Object next = new Object();
    requests.begin(last, 0, false, 1).template("/api", "/hello/{name}");
    requests.begin(next, 2, false, 2);

    assertThat(requests.find(last).template()).isEqualTo("/hello/{name}");
    assertThat(requests.find(last).context()).isEqualTo("/api");
    assertThat(requests.find(next).template()).isNull();
    assertThat(requests.find(next).method()).isEqualTo(2);
  }

  @Test
  void aThirdRequestInFlightIsNotRecordedAndAFreedSlotIsReusedWithoutItsTemplate() {
    Object first = new Object();
    requests.begin(first, 0, false, 1).template("/api", "/a");
    requests.begin(new Object(), 0, false, 2);

    assertThat(requests.begin(new Object(), 0, false, 3)).isNull();

    requests.find(first).end();
    Object fourth = new Object();
    ConnectionRequests.Request reused = requests.begin(fourth, 0, false, 4);
    assertThat(reused).isNotNull();
    assertThat(reused.template()).isNull();
    assertThat(reused.context()).isEmpty();
    assertThat(requests.find(first)).isNull();
  }
}
