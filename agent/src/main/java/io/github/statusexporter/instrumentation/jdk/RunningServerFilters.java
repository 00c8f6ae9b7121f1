package io.github.statusexporter.instrumentation.jdk;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpsServer;
import io.github.statusexporter.instrumentation.MeasuredServers;
import io.github.statusexporter.instrumentation.jdk.RunningServers.RunningServer;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Gives the contexts of JDK servers that ran before the agent was attached the filter that the
 * agent's provider gives the contexts of new servers, so they record from their next request on.
 * Servers that are not the application's (another agent's, a monitoring library's, this agent's)
 * are left out by the same rules as when they are created, told here by the code of their handlers.
 */
final class RunningServerFilters {
  private final ServerOwners owners;
  private final Consumer<String> log;

  RunningServerFilters(ServerOwners owners, Consumer<String> log) {
    this.owners = owners;
    this.log = log;
  }

  void instrument(List<RunningServer> servers) {
    for (RunningServer running : servers) {
      instrument(running);
    }
  }

  private void instrument(RunningServer running) {
    Optional<String> owner =
        owners.ownerOfHandlers(
            running.contexts.stream()
                .map(HttpContext::getHandler)
                .filter(Objects::nonNull)
                .map(Object::getClass));
    if (owner.isPresent()) {
      if (!owner.get().equals(ServerOwners.THIS_AGENT)) {
        log.accept("not measuring " + describe(running) + ": it belongs to " + owner.get());
      }
      return;
    }
    boolean https = running.server instanceof HttpsServer;
    for (HttpContext context : running.contexts) {
      List<Filter> filters = context.getFilters();
      if (hasRecordingFilter(filters)) {
        continue; // created since the agent's provider is in place
      }
      if (!(filters instanceof CopyOnWriteArrayList)) {
        // Each request's filter chain iterates this list: another kind of list may throw in a
        // request in flight when it changes.
        log.accept(
            "not measuring "
                + describe(running)
                + ": this Java runtime's server cannot be given a filter while it serves; start"
                + " the application with -javaagent to measure it");
        return;
      }
      // First, as the provider puts it, so the application's own filters are timed too. A copy
      // on write: chains already built go on with the list they had.
      filters.add(0, new RecordingFilter(context.getPath(), https));
    }
    MeasuredServers.measured(JdkServerInstrumentation.SERVER, System.getProperty("java.version"));
    log.accept(
        "measuring "
            + describe(running)
            + " from its next request on; contexts created on it from now on are not measured");
  }

  private static boolean hasRecordingFilter(List<Filter> filters) {
    for (Filter filter : filters) {
      if (filter instanceof RecordingFilter) {
        return true;
      }
    }
    return false;
  }

  private static String describe(RunningServer running) {
    InetSocketAddress address = running.server.getAddress();
    String kind = running.server instanceof HttpsServer ? "HTTPS" : "HTTP";
    return address == null
        ? "a running " + kind + " server"
        : "the running " + kind + " server on port " + address.getPort();
  }
}
