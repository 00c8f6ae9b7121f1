package io.github.statusexporter.servletapp.vertx;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A Vert.x web application as its users write one, run by Vert.x's {@code Launcher} from a fat jar:
 * {@code java -Dhttp.port=N -jar vertx-web-app.jar}. Routes with path parameters, a sub-router
 * mounted at {@code /api}, a route that fails and one that throws, a slow one answered from a
 * timer, a blocking one on a worker thread, a chunked answer streamed from a timer, a named route,
 * a regex route and a JSON status at {@code /health}.
 */
public final class MainVerticle extends AbstractVerticle {
  @Override
  public void start(Promise<Void> started) {
    int port = Integer.getInteger("http.port", config().getInteger("http.port", 8080));
    Router router = Router.router(vertx);
    router.get("/hello/:name").handler(ctx -> text(ctx, "hello " + ctx.pathParam("name")));
    router.get("/fail/:code").handler(ctx -> ctx.fail(Integer.parseInt(ctx.pathParam("code"))));
    router
        .get("/throw/:code")
        .handler(
            ctx -> {
              throw new IllegalStateException("throws on purpose");
            });
    router
        .get("/slow/:millis")
        .handler(
            ctx ->
                vertx.setTimer(
                    Math.min(5_000, Long.parseLong(ctx.pathParam("millis"))),
                    timer -> text(ctx, "slow")));
    // A blocking handler runs on a worker thread, which ends the response off the event loop.
    router
        .get("/blocking/:millis")
        .blockingHandler(
            ctx -> {
              sleep(Math.min(5_000, Long.parseLong(ctx.pathParam("millis"))));
              text(ctx, "blocking");
            });
    router.get("/stream/:count").handler(MainVerticle::stream);
    router
        .get("/orders/:id")
        .setName("named")
        .handler(ctx -> text(ctx, "order " + ctx.pathParam("id")));
    router
        .getWithRegex("/files/([0-9]+)")
        .handler(ctx -> text(ctx, "file " + ctx.pathParam("param0")));
    router
        .get("/health")
        .handler(
            ctx ->
                ctx.response()
                    .putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("status", "UP").put("connections", 3).encode()));

    Router api = Router.router(vertx);
    api.get("/users/:id").handler(ctx -> text(ctx, "user " + ctx.pathParam("id")));
    router.route("/api/*").subRouter(api);

    vertx
        .createHttpServer()
        .requestHandler(router)
        .listen(port, "localhost")
        .onSuccess(
            server -> {
              System.err.println("serving http://localhost:" + server.actualPort());
              started.complete();
            })
        .onFailure(started::fail);
  }

  /** Streams {@code count} chunks of a chunked answer, one every 50 ms. */
  private static void stream(RoutingContext ctx) {
    int count = Math.min(100, Integer.parseInt(ctx.pathParam("count")));
    HttpServerResponse response = ctx.response().setChunked(true);
    response.putHeader("Content-Type", "text/plain");
    int[] sent = {0};
    ctx.vertx()
        .setPeriodic(
            50,
            timer -> {
              if (response.closed()) {
                ctx.vertx().cancelTimer(timer); // the client went away
                return;
              }
              String element = "element " + sent[0]++ + "\n";
              if (sent[0] >= count) {
                ctx.vertx().cancelTimer(timer);
                response.end(element);
              } else {
                response.write(element);
              }
            });
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void text(RoutingContext ctx, String body) {
    ctx.response().putHeader("Content-Type", "text/plain").end(body + "\n");
  }
}
