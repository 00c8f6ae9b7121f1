package io.github.statusexporter.it;

import static io.github.statusexporter.it.RequestSeries.count;
import static io.github.statusexporter.it.RequestSeries.sum;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Request metrics of a plain Reactor Netty server with routes ({@code HttpServer.route(...)}) and
 * no framework, launched with {@code java -jar} and its libraries beside it, so on the class path
 * the agent's own adapter sees. The route is the path template of the route that took the request.
 * The agent reads {@code /hello/agent} as its source at each scrape: none of those reads may count.
 */
class ReactorNettyRoutesIT {
  @Nested
  class ReactorNetty12 extends Routes {
    ReactorNetty12() {
      super("reactor-netty");
    }
  }

  /** Reactor Netty 1.1, as Spring Boot 3.2 and 3.3 have it: the same application. */
  @Nested
  class ReactorNetty11 extends Routes {
    ReactorNetty11() {
      super("reactor-netty-1.1");
    }
  }

  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  abstract static class Routes {
    private final String module;
    private final int appPort = Http.freePort();
    private final int agentPort = Http.freePort();
    private final RequestSeries series = new RequestSeries(agentPort);
    private JavaProcess process;

    Routes(String module) {
      this.module = module;
    }

    @BeforeAll
    void launch() throws Exception {
      process =
          JavaProcess.reactorNettyApp(
              module,
              appPort,
              "port=" + agentPort + ",source=http://localhost:" + appPort + "/hello/agent");
      process.awaitStderr(line -> line.contains("serving http://"), Duration.ofSeconds(30));
      Wait.until(
          "the first request recorded",
          Duration.ofSeconds(30),
          () -> {
            get("/hello/warm-up");
            return series.counts().get(count("200", "/hello/{name}"));
          });
    }

    @AfterAll
    void stop() throws InterruptedException {
      if (process != null) {
        process.close();
      }
    }

    @Test
    void theAgentSaysItMeasuresReactorNetty() {
      RequestSeries.assertMeasured(process, agentPort, "Reactor Netty");
    }

    @Test
    void pathsOfOneRouteAreOneSeriesOfItsTemplateAndTheAgentsReadsDoNotCount() {
      Map<String, Double> before = series.counts();
      for (String name : List.of("alice", "bob", "carol")) {
        assertThat(get("/hello/" + name)).isEqualTo(200);
      }
      Scrape.of(agentPort); // the agent reads /hello/agent

      series.awaitAdded(before, Map.of(count("200", "/hello/{name}"), 3.0));
    }

    @Test
    void aRouteThatFailsKeepsItsTemplateWithThe500ReactorNettySent() {
      Map<String, Double> before = series.counts();
      assertThat(get("/fail/1")).isEqualTo(500);

      series.awaitAdded(before, Map.of(count("500", "/fail/{code}"), 1.0));
    }

    @Test
    void aStreamedAnswerEndsWhenItsStreamEnds() {
      Map<String, Double> sums = series.sums();
      Map<String, Double> before = series.counts();
      HttpResponse<String> response = Http.get(url("/stream/4"));
      assertThat(response.body()).endsWith("element 3\n");

      series.awaitAdded(before, Map.of(count("200", "/stream/{count}"), 1.0));
      assertThat(series.addedSum(sums, sum("200", "/stream/{count}"))).isBetween(0.2, 5.0);
    }

    @Test
    void aWebSocketIsOneRequestOf101ActiveUntilItsSessionCloses() throws Exception {
      Map<String, Double> before = series.counts();
      CompletableFuture<String> echoed = new CompletableFuture<>();
      WebSocket socket =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .buildAsync(
                  URI.create("ws://localhost:" + appPort + "/echo/lobby"),
                  new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(
                        WebSocket webSocket, CharSequence data, boolean last) {
                      echoed.complete(data.toString());
                      return null;
                    }
                  })
              .get(10, TimeUnit.SECONDS);
      socket.sendText("hello", true).get(10, TimeUnit.SECONDS);
      assertThat(echoed.get(10, TimeUnit.SECONDS)).isEqualTo("hello");
      assertThat(Scrape.of(agentPort).value(RequestSeries.ACTIVE_GETS)).isEqualTo(1.0);

      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);

      Scrape.awaitValue(agentPort, RequestSeries.ACTIVE_GETS, 0.0, Duration.ofSeconds(10));
      series.awaitAdded(before, Map.of(count("101", "/echo/{room}"), 1.0));
    }

    @Test
    void aPathNoRouteTakesGetsTheServersRootAndAScanAddsNoSeries() {
      Map<String, Double> start = series.counts();
      assertThat(get("/no/such/page")).isEqualTo(404);
      series.awaitAdded(start, Map.of(count("404", "/"), 1.0));
      Map<String, Double> before = series.counts();

      Http.getAll(1_000, i -> url(i % 2 == 0 ? "/hello/" + i : "/scan/" + i + "?q=" + i));

      series.awaitAdded(
          before, Map.of(count("200", "/hello/{name}"), 500.0, count("404", "/"), 500.0));
      assertThat(Scrape.of(agentPort).value(RequestSeries.ACTIVE_GETS)).isEqualTo(0.0);
    }

    private int get(String path) {
      return Http.get(url(path)).statusCode();
    }

    private String url(String path) {
      return "http://localhost:" + appPort + path;
    }
  }
}
