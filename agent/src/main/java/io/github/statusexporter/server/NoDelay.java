package io.github.statusexporter.server;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.util.Optional;

/**
 * Turns Nagle's algorithm off on the metrics server's connections. The JDK server leaves it on
 * unless {@code -Dsun.net.httpserver.nodelay=true}, which it reads once for every JDK server of the
 * JVM, the application's too, so the agent does not set it. With it on, an answer's head goes out
 * alone and the last part of its body waits for the client's delayed acknowledgement: ~40 ms added
 * to every uncompressed scrape on a kept connection (measured on the JDK's jwebserver: 52 ms
 * against 7 ms). The connection's socket is reached through the JDK server's own classes, which the
 * agent opens to itself at start.
 */
final class NoDelay extends Filter {
  /** Why {@link #CHANNEL} could not be made; set while it is made. */
  private static String unavailable;

  /**
   * The JDK server's {@code ExchangeImpl.get(HttpExchange)}, {@code ExchangeImpl.getConnection()}
   * and {@code HttpConnection.getChannel()}, each as {@code (Object) -> Object}, called one after
   * the other; null when the JDK server's classes are not open. Not one handle combined from them
   * ({@code filterReturnValue}): each combination spins classes of its own at start (~0.15 MB of
   * garbage on JDK 25), where these shapes are the JDK's own, generated ahead.
   */
  private static final MethodHandle[] CHANNEL = channelHandles();

  NoDelay() {}

  /**
   * The filter, or why the JDK server's connections keep Nagle's algorithm (empty when the JVM's
   * own setting already turns it off).
   */
  static Optional<Filter> filter() {
    if (Boolean.getBoolean("sun.net.httpserver.nodelay") || CHANNEL == null) {
      return Optional.empty();
    }
    return Optional.of(new NoDelay());
  }

  /** Why scrapes without compression may wait on delayed acknowledgements; empty when not. */
  static Optional<String> missing() {
    return Boolean.getBoolean("sun.net.httpserver.nodelay") || CHANNEL != null
        ? Optional.empty()
        : Optional.of(unavailable);
  }

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    try {
      channel(exchange).setOption(StandardSocketOptions.TCP_NODELAY, true);
    } catch (IOException | RuntimeException | Error e) {
      // Not a JDK server exchange, or its socket closed: the answer goes as it would anyway.
    } catch (Throwable e) {
      // invokeExact declares Throwable; the handle throws nothing else
    }
    chain.doFilter(exchange);
  }

  /** The exchange's connection's socket. */
  static SocketChannel channel(HttpExchange exchange) throws Throwable {
    Object exchangeImpl = CHANNEL[0].invokeExact((Object) exchange);
    Object connection = CHANNEL[1].invokeExact(exchangeImpl);
    Object channel = CHANNEL[2].invokeExact(connection); // (Object) -> Object, exactly
    return (SocketChannel) channel;
  }

  @Override
  public String description() {
    return "Nagle's algorithm off";
  }

  private static MethodHandle[] channelHandles() {
    try {
      Class<?> exchangeImpl = Class.forName("sun.net.httpserver.ExchangeImpl");
      Class<?> connection = Class.forName("sun.net.httpserver.HttpConnection");
      Method[] methods = {
        exchangeImpl.getDeclaredMethod("get", HttpExchange.class),
        exchangeImpl.getDeclaredMethod("getConnection"),
        connection.getDeclaredMethod("getChannel")
      };
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      MethodType objectToObject = MethodType.methodType(Object.class, Object.class);
      MethodHandle[] handles = new MethodHandle[methods.length];
      for (int i = 0; i < methods.length; i++) {
        methods[i].setAccessible(true);
        handles[i] = lookup.unreflect(methods[i]).asType(objectToObject);
      }
      return handles;
    } catch (ReflectiveOperationException | RuntimeException e) {
      // Not opened to the agent (InaccessibleObjectException), or a JDK whose server differs.
      unavailable = e.toString();
      return null;
    }
  }
}
