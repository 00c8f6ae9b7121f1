package io.github.statusexporter.instrumentation.weaving;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

/**
 * The version of the server or framework a hooked class belongs to, as its jar says it: the package
 * its loader defined, else the manifest of the jar it comes from, else (in a fat jar, whose
 * manifest is the application's) the {@code pom.properties} Maven leaves in every jar it builds.
 */
final class ServerVersion {
  private ServerVersion() {}

  /**
   * Its version, or "" when nothing says.
   *
   * @param mavenArtifact {@code groupId:artifactId} of its jar, or null when unknown
   */
  static String of(
      ClassLoader loader, String className, ProtectionDomain domain, String mavenArtifact) {
    int dot = className.lastIndexOf('.');
    Package defined = dot < 0 ? null : loader.getDefinedPackage(className.substring(0, dot));
    if (defined != null && defined.getImplementationVersion() != null) {
      return defined.getImplementationVersion();
    }
    String fromJar = fromManifest(domain);
    if (fromJar != null) {
      return fromJar;
    }
    String fromPom = mavenArtifact == null ? null : fromPomProperties(loader, mavenArtifact);
    return fromPom == null ? "" : fromPom;
  }

  private static String fromPomProperties(ClassLoader loader, String mavenArtifact) {
    String path = "META-INF/maven/" + mavenArtifact.replace(':', '/') + "/pom.properties";
    try (InputStream in = loader.getResourceAsStream(path)) {
      if (in == null) {
        return null;
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static String fromManifest(ProtectionDomain domain) {
    CodeSource source = domain == null ? null : domain.getCodeSource();
    URL location = source == null ? null : source.getLocation();
    if (location == null) {
      return null;
    }
    try {
      Manifest manifest = manifest(location);
      if (manifest == null) {
        return null;
      }
      Attributes main = manifest.getMainAttributes();
      String version = main.getValue(Attributes.Name.IMPLEMENTATION_VERSION);
      return version != null ? version : main.getValue("Bundle-Version");
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The manifest of a jar on disk ({@code file:/.../x.jar}) or inside another ({@code jar:}). */
  private static Manifest manifest(URL location) throws IOException {
    if (location.getProtocol().equals("jar")) {
      URLConnection connection = new URL(location, "META-INF/MANIFEST.MF").openConnection();
      connection.setUseCaches(false); // else the JDK keeps the jar open
      try (InputStream in = connection.getInputStream()) {
        return new Manifest(in);
      }
    }
    if (location.getProtocol().equals("file") && location.getPath().endsWith(".jar")) {
      try (InputStream in = location.openStream();
          JarInputStream jar = new JarInputStream(in)) {
        return jar.getManifest();
      }
    }
    return null;
  }
}
