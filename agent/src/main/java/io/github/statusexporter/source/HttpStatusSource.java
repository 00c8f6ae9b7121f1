package io.github.statusexporter.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;

/**
 * Reads a JSON status document with an HTTP GET: the body of an answer with one of the accepted
 * statuses ({@link AcceptedStatuses}).
 */
public final class HttpStatusSource implements StatusSource {
  /** Larger bodies are not read further: a status document is a few kilobytes. */
  public static final int MAX_BODY_BYTES = 1024 * 1024;

  private final URI uri;
  private final int timeoutMillis;
  private final String userAgent;
  private final Map<String, String> headers;
  private final SSLSocketFactory socketFactory;
  private final AcceptedStatuses accepted;

  /**
   * @param headers sent with every read, such as an {@code Authorization} header
   * @param socketFactory for https with certificate authorities of one's own; null for the JDK's
   * @param accepted the statuses whose body is read
   */
  public HttpStatusSource(
      URI uri,
      Duration timeout,
      String userAgent,
      Map<String, String> headers,
      SSLSocketFactory socketFactory,
      AcceptedStatuses accepted) {
    this.uri = uri;
    this.timeoutMillis = (int) Math.max(1, timeout.toMillis());
    this.userAgent = userAgent;
    this.headers = Map.copyOf(headers);
    this.socketFactory = socketFactory;
    this.accepted = accepted;
  }

  @Override
  public Reading read() throws SourceException {
    return read(new ReadAbort());
  }

  /**
   * The connect and socket timeouts bound each step, and a server that trickles its answer a byte
   * at a time never trips them: {@code abort} closes the connection from the waiting scrape's
   * thread once the whole read is past its timeout.
   */
  @Override
  public Reading read(ReadAbort abort) throws SourceException {
    HttpURLConnection connection = null;
    try {
      // The status endpoint is local to the application: its proxy settings are not for us.
      connection = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
      connection.setConnectTimeout(timeoutMillis);
      connection.setReadTimeout(timeoutMillis);
      connection.setInstanceFollowRedirects(false);
      connection.setUseCaches(false);
      connection.setRequestProperty("Accept", "application/json");
      connection.setRequestProperty("User-Agent", userAgent);
      for (Map.Entry<String, String> header : headers.entrySet()) {
        connection.setRequestProperty(header.getKey(), header.getValue());
      }
      if (socketFactory != null && connection instanceof HttpsURLConnection) {
        ((HttpsURLConnection) connection).setSSLSocketFactory(socketFactory);
      }
      HttpURLConnection opened = connection;
      abort.onAbort(
          new Runnable() { // not connection::disconnect, a class the JVM would spin
            @Override
            public void run() {
              opened.disconnect();
            }
          });
      connection.connect();
      // An abort while connecting found no socket to close.
      abort.requireNotAborted();
      int status = answerStatus(connection, abort);
      if (!accepted.accepts(status)) {
        // Rare, and below 400 the JDK gives no error stream to drain: close the connection.
        connection.disconnect();
        throw new SourceException(FailureReason.HTTP_STATUS, notAccepted(status));
      }
      long length = connection.getContentLengthLong();
      if (length > MAX_BODY_BYTES) {
        throw tooLarge();
      }
      // From 400 on, the JDK gives the body as the error stream; null when there is none.
      InputStream stream = status < 400 ? connection.getInputStream() : connection.getErrorStream();
      if (stream == null) {
        throw new SourceException(
            FailureReason.HTTP_STATUS, "answered HTTP " + status + " with no body");
      }
      byte[] body;
      try (InputStream in = stream) {
        body = length >= 0 ? in.readNBytes((int) length) : readBounded(in);
      }
      return status == HttpURLConnection.HTTP_OK
          ? JsonReadings.parse(body)
          : errorBody(status, body);
    } catch (ConnectException e) {
      throw new SourceException(FailureReason.CONNECTION_REFUSED, "connection refused");
    } catch (SocketTimeoutException e) {
      throw new SourceException(FailureReason.TIMEOUT, "no answer within " + timeoutMillis + " ms");
    } catch (IOException e) {
      // The JDK's messages may quote the URL, user info and query included.
      throw new SourceException(FailureReason.IO_ERROR, Redaction.urlsIn(String.valueOf(e)));
    } catch (IllegalArgumentException e) {
      // A header the JDK refuses; its message would quote the value, which may be a secret.
      throw new SourceException(FailureReason.IO_ERROR, "a request header is not valid");
    } catch (SourceException e) {
      if (e.reason() == FailureReason.TOO_LARGE && connection != null) {
        // Closing the stream early would read the rest to reuse the connection: drop it.
        connection.disconnect();
      }
      throw e;
    }
  }

  /**
   * The answer's status; a connection the other end takes but answers with something other than
   * HTTP is {@link FailureReason#NOT_HTTP}: a JDWP debugger (catalina.sh jpda listens on 8000)
   * resets it on reading the request, an SSH server writes its banner.
   */
  private static int answerStatus(HttpURLConnection connection, ReadAbort abort)
      throws IOException, SourceException {
    int status;
    try {
      status = connection.getResponseCode();
    } catch (ConnectException | SocketTimeoutException e) {
      throw e; // said as such below
    } catch (SocketException e) {
      // A read abandoned at its timeout closes its socket: that is the timeout, not the server.
      abort.requireNotAborted();
      throw notHttp("closed the connection without an HTTP answer (" + e.getMessage() + ")");
    } catch (IOException e) {
      abort.requireNotAborted();
      if (String.valueOf(e.getMessage()).startsWith("Unexpected end of file")) {
        throw notHttp("closed the connection without an HTTP answer");
      }
      throw e;
    }
    if (status < 0) {
      throw notHttp("did not answer with a valid HTTP status line");
    }
    return status;
  }

  private static SourceException notHttp(String what) {
    return new SourceException(FailureReason.NOT_HTTP, what);
  }

  private String notAccepted(int status) {
    return accepted.equals(AcceptedStatuses.DEFAULT)
        ? "answered HTTP " + status + " instead of 200"
        : "answered HTTP " + status + ", not one of its valid_status_codes " + accepted.describe();
  }

  /**
   * The JSON body of an accepted error status (a health endpoint reporting DOWN); any other body
   * there is the server's own error page, a failed read for its status, not for its JSON.
   */
  private static Reading errorBody(int status, byte[] body) throws SourceException {
    try {
      return JsonReadings.parse(body);
    } catch (SourceException e) {
      if (e.reason() != FailureReason.INVALID_JSON) {
        throw e;
      }
      throw new SourceException(
          FailureReason.HTTP_STATUS,
          "answered HTTP " + status + " with a body that is not a JSON status: " + e.getMessage());
    }
  }

  /**
   * A body of unknown length (chunked), up to the limit. With a Content-Length the body is read in
   * one array of its size instead: 12 KB less garbage per scrape.
   */
  private static byte[] readBounded(InputStream body) throws IOException, SourceException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
    byte[] buffer = new byte[8192];
    int n;
    while ((n = body.read(buffer)) != -1) {
      if (bytes.size() + n > MAX_BODY_BYTES) {
        throw tooLarge();
      }
      bytes.write(buffer, 0, n);
    }
    return bytes.toByteArray();
  }

  private static SourceException tooLarge() {
    return new SourceException(
        FailureReason.TOO_LARGE, "the body is larger than " + MAX_BODY_BYTES + " bytes");
  }

  @Override
  public String describe() {
    return Redaction.url(uri);
  }
}
