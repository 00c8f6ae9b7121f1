package io.github.statusexporter.instrumentation.weaving;

/**
 * A server or framework the agent knows, recognised by a class it always loads, and the versions
 * the agent measures. One it finds in another version is said once, rather than left unmeasured
 * without a word: its hooked classes may have moved or changed.
 */
public final class KnownServer {
  private final String server;
  private final String markerClass;
  private final String markerInternalName;
  private final int[] oldest;
  private final int newestMajor;

  /**
   * @param oldest the oldest version measured, {@code "9.4"}
   * @param newestMajor the newest major version measured, {@code 12}
   */
  public KnownServer(String server, String markerClass, String oldest, int newestMajor) {
    this.server = server;
    this.markerClass = markerClass;
    this.markerInternalName = markerClass.replace('.', '/');
    this.oldest = majorMinor(oldest);
    this.newestMajor = newestMajor;
  }

  String server() {
    return server;
  }

  String markerClass() {
    return markerClass;
  }

  /** True for its marker class, by its internal name ({@code org/eclipse/jetty/server/Server}). */
  boolean isMarker(String internalName) {
    return markerInternalName.equals(internalName);
  }

  /** True for a version measured, and for one that cannot be read: then nothing can be said. */
  boolean measures(String version) {
    int[] found = majorMinor(version);
    if (found == null) {
      return true;
    }
    boolean oldEnough = found[0] > oldest[0] || (found[0] == oldest[0] && found[1] >= oldest[1]);
    return oldEnough && found[0] <= newestMajor;
  }

  /** The versions measured, as a person writes them: "9.4 to 12.x". */
  String versionsMeasured() {
    String from = oldest[1] == 0 ? Integer.toString(oldest[0]) : oldest[0] + "." + oldest[1];
    return (from.equals(Integer.toString(newestMajor)) ? "" : from + " to ") + newestMajor + ".x";
  }

  /** The major and minor version at the start of {@code version}, or null if it has none. */
  private static int[] majorMinor(String version) {
    String[] parts = version.split("[.\\-_]", 3);
    try {
      int major = Integer.parseInt(parts[0]);
      int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
      return new int[] {major, minor};
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
