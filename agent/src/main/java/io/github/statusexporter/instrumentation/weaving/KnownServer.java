package io.github.statusexporter.instrumentation.weaving;

/**
 * A server or framework the agent knows, recognised by a class it always loads, and the versions
 * the agent measures. One it finds in another version is said once, rather than left unmeasured
 * without a word: its hooked classes may have moved or changed.
 */
public final class KnownServer {
  private final String server;
  private final String markerClass;
  private final String mavenArtifact;
  private final String markerInternalName;
  private final int[] oldest;
  private final String newest;
  private final int[] newestBound;

  /**
   * @param mavenArtifact its jar's Maven {@code groupId:artifactId}, whose {@code pom.properties}
   *     says the version where no manifest does (in a fat jar)
   * @param oldest the oldest version measured, {@code "9.4"}
   * @param newest the newest measured: a major version, all of whose minor versions are ({@code
   *     "12"}), or a minor version ({@code "5.0"}: Vert.x 5.1 moved its classes)
   */
  public KnownServer(
      String server, String markerClass, String mavenArtifact, String oldest, String newest) {
    this.server = server;
    this.markerClass = markerClass;
    this.mavenArtifact = mavenArtifact;
    this.markerInternalName = markerClass.replace('.', '/');
    this.oldest = majorMinor(oldest);
    this.newest = newest;
    int[] bound = majorMinor(newest);
    this.newestBound = newest.indexOf('.') < 0 ? new int[] {bound[0], Integer.MAX_VALUE} : bound;
  }

  String server() {
    return server;
  }

  String mavenArtifact() {
    return mavenArtifact;
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
    return compare(found, oldest) >= 0 && compare(found, newestBound) <= 0;
  }

  /** The versions measured, as a person writes them: "9.4 to 12.x", "4.5 to 5.0". */
  String versionsMeasured() {
    String from = oldest[1] == 0 ? Integer.toString(oldest[0]) : oldest[0] + "." + oldest[1];
    String to = newest.indexOf('.') < 0 ? newest + ".x" : newest;
    return from.equals(newest) ? to : from + " to " + to;
  }

  private static int compare(int[] version, int[] other) {
    return version[0] != other[0]
        ? Integer.compare(version[0], other[0])
        : Integer.compare(version[1], other[1]);
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
