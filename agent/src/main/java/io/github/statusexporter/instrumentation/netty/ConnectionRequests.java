package io.github.statusexporter.instrumentation.netty;

/**
 * The requests in flight on one connection (an HTTP/2 stream has its own), kept in an attribute of
 * its channel: the server's request objects cannot take a field, and a holder per connection
 * allocates nothing per request. Two slots, because on HTTP/1.1 Reactor Netty may begin the next
 * request (pipelined, or read early) before the last one's final write has completed and ended it.
 * A request is known by its {@code timestamp()}, which the server makes per request and carries
 * over to the operations that replace a request's own on a WebSocket upgrade.
 *
 * <p>The server begins and ends requests on the channel's event loop; only the template may come
 * from another thread (a framework's handler mapping), hence its volatile field.
 */
public final class ConnectionRequests {
  private final Request first = new Request();
  private final Request second = new Request();

  /** Claims a slot for a request; null if two requests of this connection are in flight already. */
  public Request begin(Object key, int method, boolean https, long startNanos) {
    Request free = first.key == null ? first : second.key == null ? second : null;
    if (free != null) {
      free.key = key;
      free.method = method;
      free.https = https;
      free.startNanos = startNanos;
      free.context = "";
      free.template = null;
    }
    return free;
  }

  /** The request of this key in flight, or null (not recorded, or ended already). */
  public Request find(Object key) {
    return first.key == key ? first : second.key == key ? second : null;
  }

  /** One request in flight, while its slot is taken. */
  public static final class Request {
    private Object key;
    private int method;
    private boolean https;
    private long startNanos;
    private String context;
    private volatile String template;

    public int method() {
      return method;
    }

    public boolean https() {
      return https;
    }

    public long startNanos() {
      return startNanos;
    }

    /** The framework's base path; "" without one. */
    public String context() {
      return context;
    }

    /** The framework's template, relative to {@link #context()}; null if none named one. */
    public String template() {
      return template;
    }

    public void template(String context, String template) {
      this.context = context;
      this.template = template;
    }

    /** Frees the slot. */
    public void end() {
      key = null;
      template = null;
    }
  }
}
