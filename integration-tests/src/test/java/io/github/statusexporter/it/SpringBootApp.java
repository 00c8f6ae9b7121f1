package io.github.statusexporter.it;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The same Spring Boot application on Boot 3 and Boot 2.7 (modules servlet-apps/spring-boot3 and
 * spring-boot2), and a WebFlux one and an Undertow one on Boot 3, each a fat jar made by
 * spring-boot-maven-plugin.
 */
enum SpringBootApp {
  BOOT_3("spring-boot3"),
  /** Spring WebFlux on Reactor Netty, the same kind of routes (module spring-boot3-webflux). */
  BOOT_3_WEBFLUX("spring-boot3-webflux"),
  /** Spring MVC on Boot's Undertow starter instead of Tomcat (module spring-boot3-undertow). */
  BOOT_3_UNDERTOW("spring-boot3-undertow"),
  BOOT_2_7_JAVAX("spring-boot2");

  private final String module;

  SpringBootApp(String module) {
    this.module = module;
  }

  Path jar() {
    return Paths.get(System.getProperty("servlet.apps"), module, "target", module + "-app.jar");
  }
}
