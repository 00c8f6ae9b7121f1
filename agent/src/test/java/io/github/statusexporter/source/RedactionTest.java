package io.github.statusexporter.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactionTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http://localhost:8000/status | http://localhost:8000/status",
        "http://user:secret@localhost:8000/status | http://***@localhost:8000/status",
        "https://host/status?token=secret&pretty | https://host/status?token=***&***",
        "http://u:p@host:1/a?x=1&y=2#frag | http://***@host:1/a?x=***&y=***#***",
        "http://[::1]:8000/status?token=secret | http://[::1]:8000/status?token=***",
        "http://host/status? | http://host/status?",
      })
  void aUrlKeepsItsHostAndPathAndLosesItsSecrets(String url, String shown) {
    assertThat(Redaction.url(URI.create(url))).isEqualTo(shown);
    assertThat(Redaction.url(url)).isEqualTo(shown);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http://user:secret@host name/status?token=secret | http://***@host name/status?token=***",
        "http://user:pass/word@host/status | http://***@host/status",
        "localhost:8000/status?token=secret | localhost:8000/status?token=***",
        "user:secret@localhost | ***@localhost",
        "http://host/st^tus#secret | http://host/st^tus#***",
      })
  void textThatIsNoValidUrlLosesItsSecretsToo(String text, String shown) {
    assertThat(Redaction.url(text)).isEqualTo(shown);
  }

  @org.junit.jupiter.api.Test
  void urlsInAMessageAreMasked() {
    // As HttpURLConnection words an error status, quoting the URL it was given. A URL ends at
    // white space or a quote: the comma after it counts as part of the query value.
    String message =
        "java.io.IOException: Server returned HTTP response code: 401 for URL:"
            + " http://user:secret@127.0.0.1:8000/status?token=secret, and 'HTTPS://a:b@c/d'";

    assertThat(Redaction.urlsIn(message))
        .isEqualTo(
            "java.io.IOException: Server returned HTTP response code: 401 for URL:"
                + " http://***@127.0.0.1:8000/status?token=*** and 'HTTPS://***@c/d'");
  }
}
