package io.github.statusexporter.instrumentation.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.statusexporter.instrumentation.RouteRecorder;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** How Vert.x requests are named and kept: route templates, the requests of a connection. */
class VertxRequestsTest {
  private static final int GET = RouteRecorder.method("GET");

  @Test
  void aRoutesTemplateIsItsMountPointAndPathAsVertxWritesThem() {
    RouteTemplates templates = new RouteTemplates();
    Object hello = new Object();
    Object users = new Object();
    Object mount = new Object();
    Object files = new Object();
    Object filter = new Object();

    assertThat(templates.template(null, hello, "/hello/:name", true, null))
        .isEqualTo("/hello/:name");
    assertThat(templates.template("/api", users, "/users/:id", true, null))
        .isEqualTo("/api/users/:id");
    assertThat(templates.template("/api/", users, "/users/:id", true, null))
        .isEqualTo("/api/users/:id");
    // router.route("/api/*"): Vert.x keeps "/api/" and a flag.
    assertThat(templates.template(null, mount, "/api/", false, null)).isEqualTo("/api/*");
    assertThat(templates.template(null, files, null, true, Pattern.compile("/files/([0-9]+)")))
        .isEqualTo("/files/([0-9]+)");
    assertThat(templates.template(null, filter, null, false, null)).isNull();
  }

  @Test
  void aRoutesTemplateIsJoinedOnceAndKept() {
    RouteTemplates templates = new RouteTemplates();
    Object users = new Object();

    String first = templates.template("/api", users, "/users/:id", true, null);

    assertThat(templates.template("/api", users, "/users/:id", true, null)).isSameAs(first);
    // The same router mounted elsewhere too.
    assertThat(templates.template("/v2", users, "/users/:id", true, null))
        .isEqualTo("/v2/users/:id");
  }

  @Test
  void aConnectionsSlotsAreReusedAndEachRequestEndsOnce() {
    ConnectionRequests requests = new ConnectionRequests();
    Object first = new Object();
    Object second = new Object();
    Object third = new Object();

    ConnectionRequests.Request one = requests.begin(first, GET, false, 1);
    ConnectionRequests.Request two = requests.begin(second, GET, true, 2); // an HTTP/2 stream
    one.template("/hello/:name");

    assertThat(requests.find(first)).isSameAs(one);
    assertThat(requests.find(second)).isSameAs(two).isNotSameAs(one);
    assertThat(one.end(first)).isTrue();
    assertThat(one.end(first)).isFalse(); // its connection failed as its response completed
    assertThat(requests.find(first)).isNull();
    assertThat(requests.begin(third, GET, false, 3)).isSameAs(one);
    assertThat(one.template()).isNull();
    assertThat(two.https()).isTrue();
  }
}
