package io.github.statusexporter.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a user name and password against the users' {@link PasswordHash}es: the bcrypt hashes of
 * {@code basic_auth_users}, or the password of jmx_exporter's {@code httpServer.authentication}. A
 * bcrypt or PBKDF2 check takes tens of milliseconds or more by design, so the last few successful
 * checks are remembered: a scrape every second costs one hash, not one per scrape. Only successes
 * are remembered, keyed by a keyed hash of user and password, so a wrong password always pays for
 * its hash. Lookups and name comparisons run in constant time; an unknown user costs a hash like a
 * known one, so timing tells no one which users exist. Remembered pairs never wait; hashes run in
 * {@link HashingTurns}, so a flood of wrong passwords takes at most half a core and is refused
 * beyond a few waiting.
 */
final class PasswordCheck {
  /** The outcome of a check. */
  enum Result {
    MATCH,
    NO_MATCH,
    /** Not checked: too many checks were waiting for their turn. */
    BUSY
  }

  /** Successful user and password pairs remembered: a few scrapers, each with its credentials. */
  static final int REMEMBERED = 16;

  private final List<byte[]> userDigests = new ArrayList<>();
  private final List<PasswordHash> hashes = new ArrayList<>();

  /** The hash an unknown user is checked against: the costliest, so no name answers sooner. */
  private final int decoy;

  private final SecretKeySpec rememberKey;
  private final byte[][] remembered = new byte[REMEMBERED][];
  private int nextSlot;
  private final HashingTurns turns = new HashingTurns();

  PasswordCheck(Map<String, ? extends PasswordHash> usersToHashes) {
    if (usersToHashes.isEmpty()) {
      throw new IllegalArgumentException("no users");
    }
    for (Map.Entry<String, ? extends PasswordHash> user : usersToHashes.entrySet()) {
      userDigests.add(sha256(user.getKey().getBytes(StandardCharsets.UTF_8)));
      hashes.add(user.getValue());
    }
    this.decoy = costliest(hashes);
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    rememberKey = new SecretKeySpec(key, "HmacSHA256");
  }

  /** The bcrypt hashes of {@code basic_auth_users}, by user. */
  static PasswordCheck bcrypt(Map<String, String> usersToBcryptHashes) {
    Map<String, PasswordHash> hashes = new LinkedHashMap<>();
    usersToBcryptHashes.forEach((user, hash) -> hashes.put(user, new BcryptHash(hash)));
    return new PasswordCheck(hashes);
  }

  /** Whether {@code password} is the password of {@code user}, or no turn to tell. */
  Result check(String user, byte[] password) {
    byte[] pair = keyedHash(user, password);
    if (remembers(pair)) {
      return Result.MATCH;
    }
    byte[] userDigest = sha256(user.getBytes(StandardCharsets.UTF_8));
    int found = -1;
    for (int i = 0; i < userDigests.size(); i++) {
      boolean same = MessageDigest.isEqual(userDigests.get(i), userDigest);
      found = same && found < 0 ? i : found;
    }
    // An unknown user is checked against a real hash too, and fails below whatever it gives.
    PasswordHash hash = hashes.get(found < 0 ? decoy : found);
    boolean known = found >= 0;
    // Checked again in turn: the same scraper's earlier request may have been checked meanwhile.
    Boolean matches = turns.inTurn(() -> remembers(pair) || hash.matches(password) && known);
    if (matches == null) {
      return Result.BUSY;
    }
    if (matches) {
      remember(pair);
    }
    return matches ? Result.MATCH : Result.NO_MATCH;
  }

  /** The index of the costliest hash. */
  static int costliest(List<? extends PasswordHash> hashes) {
    int costliest = 0;
    for (int i = 1; i < hashes.size(); i++) {
      if (hashes.get(i).cost() > hashes.get(costliest).cost()) {
        costliest = i;
      }
    }
    return costliest;
  }

  private synchronized boolean remembers(byte[] pair) {
    boolean found = false;
    for (byte[] entry : remembered) {
      found |= entry != null && MessageDigest.isEqual(entry, pair);
    }
    return found;
  }

  private synchronized void remember(byte[] pair) {
    remembered[nextSlot] = pair;
    nextSlot = (nextSlot + 1) % REMEMBERED;
  }

  /** HMAC of the pair under a key made at start: a heap dump holds no plain hash of a password. */
  private byte[] keyedHash(String user, byte[] password) {
    byte[] name = user.getBytes(StandardCharsets.UTF_8);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(rememberKey);
      mac.update(ByteBuffer.allocate(4).putInt(name.length).array());
      mac.update(name);
      return mac.doFinal(password);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
