package io.github.statusexporter.it;

import static io.github.statusexporter.it.RequestSeries.count;
import static io.github.statusexporter.it.RequestSeries.serverInfo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Tomcat's own distribution from Maven Central, started as operators start it: {@code
 * bin/catalina.sh run} with the agent in {@code CATALINA_OPTS}, its bundled web applications (ROOT,
 * docs, examples, manager) and a {@code conf/server.xml} edited only for free ports and a virtual
 * host with no applications. What the container answers itself (welcome files, the redirect of a
 * context's path to its root, a request no context takes) must have bounded routes. One launch,
 * shared by the tests; each looks at what its own requests added.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TomcatDistributionIT {

  /** A virtual host of server.xml with no web application at all. */
  private static final String BARE_HOST = "bare.localhost";

  private final int appPort = Http.freePort();
  private final int agentPort = Http.freePort();
  private final RequestSeries series = new RequestSeries(agentPort);
  private Path base;
  private JavaProcess tomcat;

  @BeforeAll
  void launch() throws Exception {
    base =
        TomcatDistribution.copy(
            appPort,
            server ->
                server.replace(
                    "</Engine>",
                    "  <Host name=\""
                        + BARE_HOST
                        + "\" appBase=\"bare-webapps\"/>\n    </Engine>"));
    Files.createDirectories(base.resolve("bare-webapps"));
    // Where operators keep the flag: bin/setenv.sh, which catalina.sh sources.
    tomcat =
        TomcatDistribution.start(
            base,
            "-javaagent:"
                + JavaProcess.AGENT_JAR
                + "=port="
                + agentPort
                + ",config="
                + mappingFile(),
            Map.of(),
            "run");
    // Tomcat is woven once it has started, on a thread of the agent's: until then, requests go
    // unrecorded.
    Wait.until(
        "the first request recorded",
        Duration.ofSeconds(30),
        () -> {
          get("/docs/changelog.html");
          return series.counts().get(count("200", "/docs/"));
        });
  }

  @AfterAll
  void stop() throws InterruptedException, IOException {
    if (tomcat != null) {
      tomcat.close();
    }
    if (base != null) {
      TomcatDistribution.delete(base);
    }
  }

  @Test
  void theAgentSaysOnceThatItMeasuresTomcatAndWhichVersion() {
    String version = TomcatDistribution.version();

    assertThat(tomcat.stderr()).filteredOn(line -> line.contains(" serving http://")).hasSize(1);
    assertThat(tomcat.stderr())
        .filteredOn(line -> line.startsWith("status-exporter: measuring requests on"))
        .containsExactly("status-exporter: measuring requests on Tomcat " + version);
    assertThat(tomcat.stderr()).noneMatch(line -> line.contains("no request metrics"));
    assertThat(Scrape.of(agentPort).value(serverInfo("Tomcat", version))).isEqualTo(1.0);
  }

  @Test
  void welcomeFilesGetTheirContextsPath() {
    Map<String, Double> before = series.counts();
    assertThat(get("/docs/")).isEqualTo(200);
    assertThat(get("/docs/?lang=en")).isEqualTo(200);
    assertThat(get("/examples/")).isEqualTo(200);
    assertThat(get("/examples/jsp/")).isEqualTo(200); // a directory's, under the same route
    assertThat(get("/")).isEqualTo(200); // ROOT's index.jsp, found by the JSP servlet's mapping

    series.awaitAdded(
        before,
        Map.of(
            count("200", "/docs/"), 2.0,
            count("200", "/examples/"), 2.0,
            count("200", "/"), 1.0));
  }

  @Test
  void theContainersRedirectsGetTheContextsPathOrTheDirectorysRoute() {
    Map<String, Double> before = series.counts();
    assertThat(get("/docs")).isEqualTo(302);
    assertThat(get("/docs?page=2")).isEqualTo(302);
    assertThat(get("/manager")).isEqualTo(302);
    // A directory's path, redirected to the directory: the default servlet's route.
    assertThat(get("/examples/jsp")).isEqualTo(302);

    series.awaitAdded(
        before,
        Map.of(
            count("302", "/docs"), 2.0,
            count("302", "/manager"), 1.0,
            count("302", "/examples/"), 1.0));
  }

  @Test
  void aJspGetsTheJspServletsMapping() {
    Map<String, Double> before = series.counts();
    assertThat(get("/examples/jsp/dates/date.jsp")).isEqualTo(200);
    assertThat(get("/examples/jsp/num/numguess.jsp")).isEqualTo(200);

    series.awaitAdded(before, Map.of(count("200", "/examples/*.jsp"), 2.0));
  }

  @Test
  void theMappingFilesTemplatesNameStaticPagesAndItsIgnoredRoutesHaveNoSeries() {
    Map<String, Double> before = series.counts();
    assertThat(get("/docs/config/http.html")).isEqualTo(200);
    assertThat(get("/docs/config/ajp.html")).isEqualTo(200);
    assertThat(get("/docs/config/no-such-page.html")).isEqualTo(404);
    assertThat(get("/docs/config/")).isEqualTo(200); // a welcome file: no template matches
    assertThat(get("/host-manager/html")).isEqualTo(401);
    assertThat(get("/host-manager/html/list")).isEqualTo(401);

    series.awaitAdded(
        before,
        Map.of(
            count("200", "/docs/config/{page}"), 2.0,
            count("404", "/docs/config/{page}"), 1.0,
            count("200", "/docs/"), 1.0));
    // Sessions the examples' JSPs (numguess, another test) have opened.
    assertThat(Scrape.of(agentPort).text)
        .containsPattern("(?m)^tomcat_examples_sessions_active [0-9.]+$");
  }

  @Test
  void theManagerRefusesWithoutCredentialsOnItsOwnMapping() {
    Map<String, Double> before = series.counts();
    assertThat(get("/manager/html")).isEqualTo(401);
    assertThat(get("/manager/html/list")).isEqualTo(401);

    series.awaitAdded(before, Map.of(count("401", "/manager/html/*"), 2.0));
  }

  @Test
  void anUnknownPageGetsItsContextsDefaultServletAndAnUnknownHostNoRoute() {
    Map<String, Double> before = series.counts();
    assertThat(get("/docs/no-such-page.html")).isEqualTo(404);
    assertThat(get("/no-such-application/page")).isEqualTo(404); // ROOT's default servlet
    assertThat(raw("GET /docs/", BARE_HOST)).isEqualTo(404);
    assertThat(raw("GET /anything/at/all", BARE_HOST)).isEqualTo(404);

    series.awaitAdded(
        before, Map.of(count("404", "/docs/"), 1.0, count("404", "/"), 1.0, count("404", ""), 2.0));
  }

  @Test
  void theConnectorsOwnAnswerToOptionsStarHasNoRoute() {
    Map<String, Double> before = series.counts();
    assertThat(raw("OPTIONS *", "localhost")).isEqualTo(200);

    series.awaitAdded(before, Map.of(count("OPTIONS", "200", ""), 1.0));
  }

  // Which series URLs make is the agent's route code, not the JDK's: once, on the first JDK.
  @Tag("first-jdk-only")
  @Test
  void aScanOfThousandsOfUrlsAddsNoSeries() {
    Map<String, Double> start = series.counts();
    oneOfEach();
    series.awaitAdded(
        start,
        Map.of(
            count("200", "/docs/"), 1.0,
            count("302", "/docs"), 1.0,
            count("404", "/docs/"), 1.0,
            count("404", "/examples/*.jsp"), 1.0,
            count("401", "/manager/html/*"), 1.0,
            count("404", "/"), 1.0));
    Map<String, Double> before = series.counts();

    Http.getAll(
        2_400,
        i ->
            url(
                switch (i % 6) {
                  case 0 -> "/docs/?q=" + i;
                  case 1 -> "/docs?q=" + i;
                  case 2 -> "/docs/page-" + i + ".html";
                  case 3 -> "/examples/jsp/x" + i + ".jsp";
                  case 4 -> "/manager/html/" + i;
                  default -> "/no/such/" + i;
                }));

    series.awaitAdded(
        before,
        Map.of(
            count("200", "/docs/"), 400.0,
            count("302", "/docs"), 400.0,
            count("404", "/docs/"), 400.0,
            count("404", "/examples/*.jsp"), 400.0,
            count("401", "/manager/html/*"), 400.0,
            count("404", "/"), 400.0));
    assertThat(series.counts().keySet()).isEqualTo(before.keySet());
  }

  /** One request of each kind the scan sends, so that each has its series before it. */
  private void oneOfEach() {
    assertThat(get("/docs/")).isEqualTo(200);
    assertThat(get("/docs")).isEqualTo(302);
    assertThat(get("/docs/missing.html")).isEqualTo(404);
    assertThat(get("/examples/jsp/missing.jsp")).isEqualTo(404);
    assertThat(get("/manager/html/x")).isEqualTo(401);
    assertThat(get("/no/such/page")).isEqualTo(404);
  }

  /**
   * The mapping file an operator puts beside server.xml: a status source from Tomcat's own MBeans,
   * route templates for the docs' static pages, which only the default servlet serves, and the host
   * manager's pages left out.
   */
  private Path mappingFile() throws IOException {
    Path file = base.resolve("conf/status-exporter.yml");
    Files.writeString(
        file,
        """
        sources:
          - mbean: Catalina:type=Manager,host=localhost,context=/examples
            metrics:
              - name: tomcat_examples_sessions_active
                field: activeSessions # as JMX shows it; the document has active_sessions
        requests:
          templates: ["/docs/config/{page}"]
          ignore: ["/host-manager/html/*"]
        """);
    return file;
  }

  private int get(String path) {
    return Http.get(url(path)).statusCode();
  }

  /**
   * The status of a request sent as written ({@code "GET /path"}), to {@code host} as {@code curl
   * -H 'Host: ...'} sends it: the JDK's HTTP client chooses neither the Host header nor a request
   * target such as {@code *}.
   */
  private int raw(String requestLine, String host) {
    try (Socket socket = new Socket("localhost", appPort)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          (requestLine + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      return Integer.parseInt(statusLine.substring(9, 12));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String url(String path) {
    return "http://localhost:" + appPort + path;
  }
}
