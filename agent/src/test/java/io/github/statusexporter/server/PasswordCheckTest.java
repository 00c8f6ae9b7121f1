package io.github.statusexporter.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Test;

class PasswordCheckTest {
  /**
   * exporter-toolkit's own decoy hash of "fakepassword", made by Go's bcrypt: a hash this agent did
   * not make itself, as htpasswd's would not be.
   */
  private static final String GO_HASH =
      "$2y$10$QOauhQNbBCuQDKes6eFzPeMqBSjb7Mr5DUmpZ/VcEd00UAV/LDeSi";

  private final List<String> bcrypts = new ArrayList<>();

  /** Real bcrypt, counting the hashes each check costs. */
  private PasswordHash counted(String hash) {
    BcryptHash bcrypt = new BcryptHash(hash);
    return new PasswordHash() {
      @Override
      public boolean matches(byte[] password) {
        bcrypts.add(hash);
        return bcrypt.matches(password);
      }

      @Override
      public long cost() {
        return bcrypt.cost();
      }
    };
  }

  private Map<String, PasswordHash> counting(Map<String, String> usersToHashes) {
    Map<String, PasswordHash> hashes = new LinkedHashMap<>();
    usersToHashes.forEach((user, hash) -> hashes.put(user, counted(hash)));
    return hashes;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String hash(String password) {
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    return OpenBSDBCrypt.generate("2y", bytes(password), salt, 4);
  }

  @Test
  void theRightPasswordMatchesAndAWrongOneOrAnUnknownUserDoesNot() {
    PasswordCheck check = PasswordCheck.bcrypt(Map.of("prometheus", GO_HASH));

    assertThat(check.check("prometheus", bytes("fakepassword")))
        .isEqualTo(PasswordCheck.Result.MATCH);
    assertThat(check.check("prometheus", bytes("fakepassworD")))
        .isEqualTo(PasswordCheck.Result.NO_MATCH);
    assertThat(check.check("prometheus", bytes(""))).isEqualTo(PasswordCheck.Result.NO_MATCH);
    assertThat(check.check("someone", bytes("fakepassword")))
        .isEqualTo(PasswordCheck.Result.NO_MATCH);
  }

  @Test
  void anUnknownUserCostsTheCostliestHashSoNoNameAnswersSooner() {
    String cheap = hash("a");
    byte[] salt = new byte[16];
    String dear = OpenBSDBCrypt.generate("2y", bytes("b"), salt, 6);
    PasswordCheck check = new PasswordCheck(counting(Map.of("cheap", cheap)));
    Map<String, String> cheapThenDear = new LinkedHashMap<>();
    cheapThenDear.put("cheap", cheap);
    cheapThenDear.put("dear", dear);
    PasswordCheck both = new PasswordCheck(counting(cheapThenDear));

    assertThat(check.check("nobody", bytes("x"))).isEqualTo(PasswordCheck.Result.NO_MATCH);
    assertThat(both.check("nobody", bytes("x"))).isEqualTo(PasswordCheck.Result.NO_MATCH);

    assertThat(bcrypts).containsExactly(cheap, dear);
    assertThat(
            PasswordCheck.costliest(
                List.of(new BcryptHash(cheap), new BcryptHash(dear), new BcryptHash(cheap))))
        .isEqualTo(1);
  }

  @Test
  void aSuccessIsRememberedSoTheNextScrapeCostsNoBcrypt() {
    PasswordCheck check = new PasswordCheck(counting(Map.of("prometheus", GO_HASH)));

    for (int i = 0; i < 5; i++) {
      assertThat(check.check("prometheus", bytes("fakepassword")))
          .isEqualTo(PasswordCheck.Result.MATCH);
    }

    assertThat(bcrypts).hasSize(1);
  }

  @Test
  void aWrongPasswordIsNeverRememberedAndPaysABcryptEachTime() {
    PasswordCheck check = new PasswordCheck(counting(Map.of("prometheus", GO_HASH)));
    assertThat(check.check("prometheus", bytes("fakepassword")))
        .isEqualTo(PasswordCheck.Result.MATCH);

    for (int i = 0; i < 3; i++) {
      assertThat(check.check("prometheus", bytes("guess")))
          .isEqualTo(PasswordCheck.Result.NO_MATCH);
    }

    assertThat(bcrypts).hasSize(4);
  }

  @Test
  void anUnknownUserCostsABcryptOfARealHashLikeAKnownOne() {
    Map<String, String> users = new LinkedHashMap<>();
    users.put("alice", hash("a"));
    users.put("bob", hash("b"));
    PasswordCheck check = new PasswordCheck(counting(users));

    assertThat(check.check("mallory", bytes("a"))).isEqualTo(PasswordCheck.Result.NO_MATCH);
    assertThat(check.check("bob", bytes("a"))).isEqualTo(PasswordCheck.Result.NO_MATCH);
    assertThat(check.check("bob", bytes("b"))).isEqualTo(PasswordCheck.Result.MATCH);

    assertThat(bcrypts).containsExactly(users.get("alice"), users.get("bob"), users.get("bob"));
  }

  @Test
  void onlyTheLastSixteenSuccessesAreRemembered() {
    Map<String, String> users = new LinkedHashMap<>();
    for (int i = 0; i <= PasswordCheck.REMEMBERED; i++) {
      users.put("user" + i, hash("password" + i));
    }
    PasswordCheck check = new PasswordCheck(counting(users));
    for (int i = 0; i <= PasswordCheck.REMEMBERED; i++) {
      assertThat(check.check("user" + i, bytes("password" + i)))
          .isEqualTo(PasswordCheck.Result.MATCH);
    }
    bcrypts.clear();

    assertThat(check.check("user" + PasswordCheck.REMEMBERED, bytes("password16")))
        .isEqualTo(PasswordCheck.Result.MATCH);
    assertThat(bcrypts).isEmpty();
    assertThat(check.check("user0", bytes("password0"))).isEqualTo(PasswordCheck.Result.MATCH);
    assertThat(bcrypts).hasSize(1);
  }

  @Test
  void passwordsAreComparedAsBytesSoNonAsciiPasswordsWork() {
    PasswordCheck check = PasswordCheck.bcrypt(Map.of("jürgen", hash("pässwörd €")));

    assertThat(check.check("jürgen", bytes("pässwörd €"))).isEqualTo(PasswordCheck.Result.MATCH);
    assertThat(check.check("jurgen", bytes("pässwörd €"))).isEqualTo(PasswordCheck.Result.NO_MATCH);
  }
}
