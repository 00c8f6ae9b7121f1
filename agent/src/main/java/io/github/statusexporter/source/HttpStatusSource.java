package io.github.statusexporter.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;

/** Reads a JSON status document with an HTTP GET. */
public final class HttpStatusSource implements StatusSource {
  /** Larger bodies are not read further: a status document is a few kilobytes. */
  public static final int MAX_BODY_BYTES = 1024 * 1024;

  private final URI uri;
  private final int timeoutMillis;
  private final String userAgent;
  private final Map<String, String> headers;
  private final SSLSocketFactory socketFactory;

  /**
   * @param headers sent with every read, such as an {@code Authorization} header
   * @param socketFactory for https with certificate authorities of one's own; null for the JDK's
   */
  public HttpStatusSource(
      URI uri,
      Duration timeout,
      String userAgent,
      Map<String, String> headers,
      SSLSocketFactory socketFactory) {
    this.uri = uri;
    this.timeoutMillis = (int) Math.max(1, timeout.toMillis());
    this.userAgent = userAgent;
    this.headers = Map.copyOf(headers);
    this.socketFactory = socketFactory;
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
      headers.forEach(connection::setRequestProperty);
      if (socketFactory != null && connection instanceof HttpsURLConnection) {
        ((HttpsURLConnection) connection).setSSLSocketFactory(socketFactory);
      }
      abort.onAbort(connection::disconnect);
      connection.connect();
      // An abort while connecting found no socket to close.
      abort.requireNotAborted();
      int status = connection.getResponseCode();
      if (status != HttpURLConnection.HTTP_OK) {
        // Rare, and below 400 the JDK gives no error stream to drain: close the connection.
        connection.disconnect();
        throw new SourceException(
            FailureReason.HTTP_STATUS,
            status < 0
                ? "did not answer with a valid HTTP status line"
                : "answered HTTP " + status + " instead of 200");
      }
      long length = connection.getContentLengthLong();
      if (length > MAX_BODY_BYTES) {
        throw tooLarge();
      }
      try (InputStream body = connection.getInputStream()) {
        return JsonReadings.parse(length >= 0 ? body.readNBytes((int) length) : readBounded(body));
      }
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
