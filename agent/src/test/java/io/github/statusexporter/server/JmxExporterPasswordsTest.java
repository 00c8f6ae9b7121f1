package io.github.statusexporter.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.statusexporter.config.jmxexporter.BasicAuthSettings;
import io.github.statusexporter.config.jmxexporter.HttpServerSecurity;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * jmx_exporter 1.0.1's own authenticator tests (jmx_prometheus_common's
 * MessageDigestAuthenticatorTest, PBKDF2AuthenticatorTest, PlaintextAuthenticatorTest) and the
 * hashes of its integration tests' exporter.yaml files, through the agent's PasswordCheck: the same
 * users and passwords match, and no others.
 */
class JmxExporterPasswordsTest {
  private static final String VALID_USERNAME = "Prometheus";
  private static final String VALID_PASSWORD = "secret";
  private static final String[] TEST_USERNAMES = {"Prometheus", "prometheus", "bad", ""};
  private static final String[] TEST_PASSWORDS = {"secret", "Secret", "bad", ""};
  private static final String SALT = "98LeBWIjca";

  /** PBKDF2AuthenticatorTest's hashes: iterations 1000, keyLength 128, salt {@link #SALT}. */
  private static final String PBKDF2_SHA1 =
      "17:87:CA:B9:14:73:60:36:8B:20:82:87:92:58:43:B8:A3:85:66:BC:C1:6D:C3:31:6C:1D:47:48:C7:F2"
          + ":E4:1D:96:00:11:F8:4D:94:63:2F:F2:7A:F0:3B:72:63:16:5D:EF:5C:97:CC:EC:59:CB:18:4A:AA"
          + ":F5:23:63:0B:6E:3B:65:E0:72:6E:69:7D:EB:83:05:05:E5:D6:F2:19:99:49:3F:89:DA:DE:83:D7"
          + ":2B:5B:7D:C9:56:B4:F2:F6:A5:61:29:29:ED:DF:4C:4E:8D:EA:DF:47:A2:B0:89:11:86:D4:77:A1"
          + ":02:E9:0C:26:A4:1E:2A:C1:A8:71:E0:93:8F:A4";

  private static final String PBKDF2_SHA256 =
      "B6:9C:5C:8A:10:3E:41:7B:BA:18:FC:E1:F2:0C:BC:D9:65:70:D3:53:AB:97:EE:2F:3F:A8:88:AF:43:EA"
          + ":E6:D7:FB:70:14:23:F9:51:29:5C:3A:9F:65:C3:20:EE:09:C9:C6:8A:B7:D3:0A:E1:F3:10:2B:9B"
          + ":36:3F:1F:B6:1D:52:A7:9C:CB:AD:55:25:46:C5:73:09:6C:38:9C:F2:FD:82:7F:90:E5:31:EF:7E"
          + ":3E:6B:B2:0C:38:77:23:EC:3A:CF:29:F7:E5:4D:4E:CC:35:7A:C2:E5:CB:E3:B3:E5:09:2B:CC:B9"
          + ":40:26:A4:28:E9:5F:2D:18:B2:14:41:E7:4D:5B";

  private static final String PBKDF2_SHA512 =
      "07:6F:E2:27:9B:CA:48:66:9B:13:9E:02:9C:AE:FC:E4:1A:2F:0F:E6:48:A3:FF:8E:D2:30:59:68:12:A6"
          + ":29:34:FC:99:29:8A:98:65:AE:4B:05:7C:B6:83:A4:83:C0:32:E4:90:61:1D:DD:2E:53:17:01:FF"
          + ":6A:64:48:B2:AA:22:DE:B3:BC:56:08:C6:66:EC:98:F8:96:8C:1B:DA:B2:F2:2A:6C:22:8E:19:CC"
          + ":B2:62:55:3E:BE:DC:C7:58:36:9D:92:CF:D7:D2:A1:6D:8F:DC:DE:8E:E9:36:D4:E7:2D:0A:6D:A1"
          + ":B8:56:0A:53:BB:17:E2:D5:DE:A0:48:51:FC:33";

  @TempDir Path directory;

  private BasicAuthSettings basic(String yaml) throws Exception {
    Path file = Files.writeString(directory.resolve("exporter.yaml"), yaml);
    return HttpServerSecurity.load(file).orElseThrow().basicAuth().orElseThrow();
  }

  private PasswordCheck check(String basicKeys) throws Exception {
    BasicAuthSettings settings =
        basic("httpServer:\n  authentication:\n    basic:\n" + basicKeys.indent(6));
    return JmxExporterPasswords.check(settings, "exporter.yaml:1: httpServer");
  }

  /** Every name and password of jmx_exporter's tests: only Prometheus with secret matches. */
  private static void onlyTheValidUserMatches(PasswordCheck check) {
    for (String username : TEST_USERNAMES) {
      for (String password : TEST_PASSWORDS) {
        boolean expected = VALID_USERNAME.equals(username) && VALID_PASSWORD.equals(password);
        assertThat(check.check(username, password.getBytes(StandardCharsets.UTF_8)))
            .as("%s / %s", username, password)
            .isEqualTo(expected ? PasswordCheck.Result.MATCH : PasswordCheck.Result.NO_MATCH);
      }
    }
  }

  /** MessageDigestAuthenticatorTest's hash(): hex of SHA(salt:password), as a number. */
  private static String hash(String algorithm, String value, String salt) throws Exception {
    MessageDigest digest = MessageDigest.getInstance(algorithm);
    byte[] hashedBytes = digest.digest((salt + ":" + value).getBytes(StandardCharsets.UTF_8));
    return new BigInteger(1, hashedBytes).toString(16).toLowerCase(Locale.ROOT);
  }

  @Test
  void plaintextAsPlaintextAuthenticatorTest() throws Exception {
    onlyTheValidUserMatches(check("username: Prometheus\npassword: secret\n"));
    onlyTheValidUserMatches(
        check("username: Prometheus\nalgorithm: PlainText\npassword: secret\n"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"SHA-1", "SHA-256", "SHA-512"})
  void shaHashesInLowerAndUpperCaseAsMessageDigestAuthenticatorTest(String algorithm)
      throws Exception {
    String hash = hash(algorithm, VALID_PASSWORD, SALT);
    for (String configured :
        new String[] {hash.toLowerCase(Locale.ROOT), hash.toUpperCase(Locale.ROOT)}) {
      onlyTheValidUserMatches(
          check(
              "username: Prometheus\nalgorithm: "
                  + algorithm
                  + "\nsalt: "
                  + SALT
                  + "\npasswordHash: "
                  + configured
                  + "\n"));
    }
  }

  /** The hashes of jmx_exporter's BasicAuthenticationSHA*Test/JavaAgent/exporter.yaml. */
  @Test
  void shaHashesOfJmxExportersIntegrationTests() throws Exception {
    onlyTheValidUserMatches(
        check(
            "username: Prometheus\n"
                + "passwordHash: f43eab5fac834f683a1b9453d5e9cb356599c082\n"
                + "algorithm: SHA-1\n"
                + "salt: uv=//2NtFCUS{::tY9P.DCv_jzmPja#%\n"));
    onlyTheValidUserMatches(
        check(
            "username: Prometheus\n"
                + "passwordHash:"
                + " 2bf7ed4906ac065bde39f7508d6102a6cdd7153a929ea883ff6cd04442772c99\n"
                + "algorithm: SHA-256\n"
                + "salt: U9i%=N+m]#i9yvUV:bA/3n4X9JdPXf=n\n"));
    onlyTheValidUserMatches(
        check(
            "username: Prometheus\n"
                + "passwordHash: b89cdce276481d2909f4937e7b2f1fd80c164be71fa106c2df929bcba520469b"
                + "da8b164f4d7dd774efe362d74d635a26f9b2b38117f6d59634929c00dd2b2e83\n"
                + "algorithm: SHA-512\n"
                + "salt: U9i%=N+m]#i9yvUV:bA/3n4X9JdPXf=n\n"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"PBKDF2WithHmacSHA1", "PBKDF2WithHmacSHA256", "PBKDF2WithHmacSHA512"})
  void pbkdf2HashesWithAndWithoutColonsInEitherCaseAsPbkdf2AuthenticatorTest(String algorithm)
      throws Exception {
    String hash =
        algorithm.endsWith("SHA1")
            ? PBKDF2_SHA1
            : algorithm.endsWith("SHA256") ? PBKDF2_SHA256 : PBKDF2_SHA512;
    for (String configured :
        new String[] {
          hash,
          hash.toLowerCase(Locale.ROOT),
          hash.replace(":", ""),
          hash.toLowerCase(Locale.ROOT).replace(":", ""),
          hash.toUpperCase(Locale.ROOT).replace(":", "")
        }) {
      onlyTheValidUserMatches(
          check(
              "username: Prometheus\nalgorithm: "
                  + algorithm
                  + "\nsalt: "
                  + SALT
                  + "\niterations: 1000\nkeyLength: 128\npasswordHash: \""
                  + configured
                  + "\"\n"));
    }
  }

  /**
   * jmx_exporter prints the digest it computes as a number, so a configured hash with its leading
   * zero never matches there, and not here either; without it, it does.
   */
  @Test
  void aShaHashWithALeadingZeroNeverMatchesAsInJmxExporter() throws Exception {
    String password = null;
    for (int i = 0; password == null; i++) {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((SALT + ":p" + i).getBytes(StandardCharsets.UTF_8));
      password = (digest[0] & 0xFF) < 0x10 ? "p" + i : null;
    }
    String stripped = hash("SHA-256", password, SALT);
    String keys = "username: u\nalgorithm: SHA-256\nsalt: " + SALT + "\npasswordHash: ";

    assertThat(check(keys + "0" + stripped + "\n").check("u", password.getBytes()))
        .isEqualTo(PasswordCheck.Result.NO_MATCH);
    assertThat(check(keys + stripped + "\n").check("u", password.getBytes()))
        .isEqualTo(PasswordCheck.Result.MATCH);
  }

  @Test
  void pbkdf2DefaultsAreJmxExportersIterationsAndA1024BitKey() throws Exception {
    String keys = "username: u\nsalt: s\npasswordHash: ab\nalgorithm: ";
    BasicAuthSettings sha1 = basic(keysUnder(keys + "PBKDF2WithHmacSHA1"));
    BasicAuthSettings sha256 = basic(keysUnder(keys + "PBKDF2WithHmacSHA256"));
    BasicAuthSettings sha512 = basic(keysUnder(keys + "PBKDF2WithHmacSHA512"));

    assertThat(sha1.iterations()).isEqualTo(1_300_000);
    assertThat(sha256.iterations()).isEqualTo(600_000);
    assertThat(sha512.iterations()).isEqualTo(210_000);
    assertThat(sha512.keyLength()).isEqualTo(128);
    assertThat(new Pbkdf2Hash("PBKDF2WithHmacSHA512", "s", 210_000, 128, "ab").cost())
        .as("two blocks of 512 bits")
        .isEqualTo(420_000);
  }

  private static String keysUnder(String basicKeys) {
    return "httpServer:\n  authentication:\n    basic:\n" + basicKeys.indent(6);
  }
}
