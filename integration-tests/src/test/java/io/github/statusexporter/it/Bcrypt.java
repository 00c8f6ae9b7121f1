package io.github.statusexporter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/** Password hashes for a web-config's basic_auth_users, as operators make them. */
final class Bcrypt {
  private Bcrypt() {}

  /** htpasswd's hash, as the exporter-toolkit docs make one; the same bcrypt without it. */
  static String hash(Path directory, String password) throws Exception {
    Path htpasswd = Tools.find("htpasswd");
    if (htpasswd != null) {
      String line = Tools.check(directory, htpasswd, "-nbBC", "10", "", password).trim();
      assertThat(line).startsWith(":$2y$10$");
      return line.substring(1);
    }
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    return OpenBSDBCrypt.generate("2y", password.getBytes(StandardCharsets.UTF_8), salt, 10);
  }
}
