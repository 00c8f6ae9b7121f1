package io.github.statusexporter.instrumentation.vertx;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/**
 * The requests in flight on one connection, kept in an attribute of its channel: the server's
 * request objects cannot take a field, and slots reused from request to request allocate nothing
 * once there are as many as requests at a time. One for HTTP/1.x, where Vert.x begins a request
 * only once the one before it is complete; as many as concurrent streams for HTTP/2. A request is
 * known by its response object, which the routing context hands out too.
 *
 * <p>Requests begin on the connection's event loop and end there or on the thread that ended the
 * response; the route may come from a worker thread, hence the volatile fields.
 */
public final class ConnectionRequests {
  /** More streams than this at a time on one connection are not recorded. */
  private static final int MAX_SLOTS = 1024;

  private volatile Request[] slots = {new Request()};

  /** Claims a slot for a request; null if none is free and no more may be made. */
  public Request begin(Object key, int method, boolean https, long startNanos) {
    Request[] all = slots;
    for (Request request : all) {
      if (request.key == null) {
        request.begin(key, method, https, startNanos);
        return request;
      }
    }
    if (all.length >= MAX_SLOTS) {
      return null;
    }
    Request[] grown = Arrays.copyOf(all, all.length * 2);
    for (int i = all.length; i < grown.length; i++) {
      grown[i] = new Request();
    }
    slots = grown;
    grown[all.length].begin(key, method, https, startNanos);
    return grown[all.length];
  }

  /** The request of this key in flight, or null (not recorded, or ended already). */
  public Request find(Object key) {
    for (Request request : slots) {
      if (request.key == key) {
        return request;
      }
    }
    return null;
  }

  /** One request in flight, while its slot is taken; its fields stay until the next begins. */
  public static final class Request {
    private static final AtomicReferenceFieldUpdater<Request, Object> KEY =
        AtomicReferenceFieldUpdater.newUpdater(Request.class, Object.class, "key");

    private volatile Object key;
    private int method;
    private boolean https;
    private long startNanos;
    private volatile String template;

    private void begin(Object key, int method, boolean https, long startNanos) {
      this.method = method;
      this.https = https;
      this.startNanos = startNanos;
      this.template = null;
      this.key = key; // last: a reader that finds the key sees the rest
    }

    public int method() {
      return method;
    }

    public boolean https() {
      return https;
    }

    public long startNanos() {
      return startNanos;
    }

    /** The template of the last route that took it; null if none did. */
    public String template() {
      return template;
    }

    public void template(String template) {
      this.template = template;
    }

    /**
     * Frees the slot, if it still holds this request: true for the one caller that ends it, when
     * its response completed on one thread while its connection failed on another. Read the
     * request's fields before: the slot may be taken by the next request at once.
     */
    public boolean end(Object key) {
      return KEY.compareAndSet(this, key, null);
    }
  }
}
