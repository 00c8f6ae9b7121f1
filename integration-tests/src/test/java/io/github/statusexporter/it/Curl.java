package io.github.statusexporter.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** curl, the client an operator checks an endpoint with; its TLS is OpenSSL's, not the JDK's. */
final class Curl {
  /** What one request gave: curl's exit code (0, or why TLS or the connection failed), status. */
  static final class Response {
    final int exit;
    final int status;
    final String headers;
    final String body;
    final String error;

    Response(int exit, int status, String headers, String body, String error) {
      this.exit = exit;
      this.status = status;
      this.headers = headers;
      this.body = body;
      this.error = error;
    }

    @Override
    public String toString() {
      return "curl exit " + exit + ", HTTP " + status + ", " + error;
    }
  }

  private final Path directory;
  private final Path curl;

  Curl(Path directory) {
    this.directory = directory;
    this.curl = Tools.require("curl", "curl");
  }

  /**
   * GETs the URL.
   *
   * @param options more curl options, such as {@code --cacert ca.crt}, {@code --cert c.crt --key
   *     c.key} or {@code -u user:password}
   */
  Response get(String url, String... options) throws Exception {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--silent",
                "--show-error",
                "--max-time",
                "10",
                "--dump-header",
                "-",
                "--write-out",
                "\n%{http_code}"));
    arguments.addAll(List.of(options));
    arguments.add(url);
    Tools.Result result = Tools.run(directory, curl, arguments.toArray(new String[0]));
    String out = result.stdout;
    int lastLine = out.lastIndexOf('\n');
    int status = Integer.parseInt(out.substring(lastLine + 1).trim());
    String response = out.substring(0, Math.max(lastLine, 0));
    int split = response.indexOf("\r\n\r\n");
    String headers = split < 0 ? response : response.substring(0, split);
    String body = split < 0 ? "" : response.substring(split + 4);
    return new Response(result.exit, status, headers, body, result.stderr.trim());
  }
}
