package io.github.statusexporter.server;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * jmx_exporter's {@code PBKDF2WithHmacSHA1}, {@code PBKDF2WithHmacSHA256} and {@code
 * PBKDF2WithHmacSHA512} passwords, derived by the JDK as its PBKDF2Authenticator (1.0.1) derives
 * them: the salt's UTF-8 bytes, {@code iterations} rounds, a key of {@code keyLength * 8} bits (its
 * {@code keyLength} counts bytes, although its documentation says bits), compared as lowercase hex
 * with the configured hash lowercased and its colons removed.
 */
final class Pbkdf2Hash implements PasswordHash {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final String algorithm;
  private final byte[] salt;
  private final int iterations;
  private final int keyBits;
  private final byte[] expectedHex;

  /**
   * @param keyLength in bytes, as jmx_exporter's {@code keyLength}
   * @throws NoSuchAlgorithmException when this JVM has no such key derivation
   */
  Pbkdf2Hash(String algorithm, String salt, int iterations, int keyLength, String passwordHash)
      throws NoSuchAlgorithmException {
    SecretKeyFactory.getInstance(algorithm);
    this.algorithm = algorithm;
    this.salt = salt.getBytes(StandardCharsets.UTF_8);
    this.iterations = iterations;
    this.keyBits = Math.multiplyExact(keyLength, 8);
    this.expectedHex = SaltedDigest.normalized(passwordHash).getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public boolean matches(byte[] password) {
    // jmx_exporter hands the JDK the password as characters, which the JDK encodes as UTF-8 again.
    CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(password));
    char[] characters = Arrays.copyOf(chars.array(), chars.limit());
    Arrays.fill(chars.array(), '\0');
    PBEKeySpec spec = new PBEKeySpec(characters, salt, iterations, keyBits);
    Arrays.fill(characters, '\0');
    try {
      byte[] key = SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
      return MessageDigest.isEqual(hex(key), expectedHex);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    } finally {
      spec.clearPassword();
    }
  }

  /** Rounds times the blocks of the digest's size that the key needs. */
  @Override
  public long cost() {
    int digestBits = algorithm.endsWith("SHA512") ? 512 : algorithm.endsWith("SHA256") ? 256 : 160;
    return (long) iterations * ((keyBits + digestBits - 1) / digestBits);
  }

  private static byte[] hex(byte[] bytes) {
    byte[] hex = new byte[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      hex[2 * i] = (byte) HEX[(bytes[i] >> 4) & 0xF];
      hex[2 * i + 1] = (byte) HEX[bytes[i] & 0xF];
    }
    return hex;
  }
}
