package io.github.statusexporter.source;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Takes the secrets out of a URL before a log line or a message shows it: user info, query values
 * and the fragment become {@code ***}, as in {@code http://***@host:8000/status?token=***}. Scheme,
 * host, port, path and the names of query parameters stay, so that a person can still tell which
 * source is meant. Header values are never shown at all, so they need no helper.
 */
public final class Redaction {
  static final String MASK = "***";

  private Redaction() {}

  /** The URL with its secrets masked. */
  public static String url(URI uri) {
    if (uri.getHost() == null || uri.getScheme() == null) {
      return url(uri.toString());
    }
    return uri.getScheme()
        + "://"
        + (uri.getRawUserInfo() == null ? "" : MASK + "@")
        + uri.getHost()
        + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
        + (uri.getRawPath() == null ? "" : uri.getRawPath())
        + (uri.getRawQuery() == null ? "" : "?" + query(uri.getRawQuery()))
        + (uri.getRawFragment() == null ? "" : "#" + MASK);
  }

  /**
   * The URL text with its secrets masked, also when it is not a valid URL (as in a message that
   * rejects it). Then everything up to the last {@code @} before the query counts as user info:
   * better to mask part of a path than to show part of a password.
   */
  public static String url(String text) {
    try {
      URI uri = new URI(text);
      if (uri.getHost() != null && uri.getScheme() != null) {
        return url(uri);
      }
    } catch (URISyntaxException e) {
      // masked as text below
    }
    int scheme = text.indexOf("://");
    int start = scheme < 0 ? 0 : scheme + 3;
    int queryStart = indexOfAny(text, "?#", start);
    int at = text.lastIndexOf('@', queryStart - 1);
    StringBuilder masked = new StringBuilder(text.substring(0, start));
    if (at >= start) {
      masked.append(MASK).append(text, at, queryStart);
    } else {
      masked.append(text, start, queryStart);
    }
    if (queryStart < text.length()) {
      int fragment = text.indexOf('#', queryStart);
      if (text.charAt(queryStart) == '?') {
        int queryEnd = fragment < 0 ? text.length() : fragment;
        masked.append('?').append(query(text.substring(queryStart + 1, queryEnd)));
      }
      if (fragment >= 0) {
        masked.append('#').append(MASK);
      }
    }
    return masked.toString();
  }

  /**
   * The text with every {@code http://} and {@code https://} URL in it masked, for messages that
   * come from elsewhere (an exception of the JDK's HTTP client may quote the URL it was given). A
   * URL ends at white space or a quote.
   */
  public static String urlsIn(String text) {
    StringBuilder masked = new StringBuilder(text.length());
    int from = 0;
    while (true) {
      int start = nextUrl(text, from);
      if (start < 0) {
        return masked.append(text, from, text.length()).toString();
      }
      int end = start;
      while (end < text.length() && !isUrlEnd(text.charAt(end))) {
        end++;
      }
      masked.append(text, from, start).append(url(text.substring(start, end)));
      from = end;
    }
  }

  private static int nextUrl(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      if (text.regionMatches(true, i, "http://", 0, 7)
          || text.regionMatches(true, i, "https://", 0, 8)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isUrlEnd(char c) {
    return Character.isWhitespace(c) || c == '"' || c == '\'' || c == '<' || c == '>';
  }

  /** {@code a=1&token=x&flag} → {@code a=***&token=***&***}: names stay, values go. */
  private static String query(String query) {
    StringBuilder masked = new StringBuilder();
    String[] parameters = query.split("&", -1);
    for (int i = 0; i < parameters.length; i++) {
      String parameter = parameters[i];
      if (i > 0) {
        masked.append('&');
      }
      int equals = parameter.indexOf('=');
      if (equals >= 0) {
        masked.append(parameter, 0, equals + 1).append(MASK);
      } else if (!parameter.isEmpty()) {
        masked.append(MASK);
      }
    }
    return masked.toString();
  }

  private static int indexOfAny(String text, String characters, int from) {
    for (int i = from; i < text.length(); i++) {
      if (characters.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return text.length();
  }
}
