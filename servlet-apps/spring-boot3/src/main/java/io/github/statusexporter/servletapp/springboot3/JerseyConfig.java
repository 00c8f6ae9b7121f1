package io.github.statusexporter.servletapp.springboot3;

import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.stereotype.Component;

/**
 * JAX-RS resources beside the Spring MVC controllers, as {@code spring-boot-starter-jersey} runs
 * them: Jersey's servlet at {@code spring.jersey.application-path} ({@code /api/*}).
 */
@Component
public class JerseyConfig extends ResourceConfig {
  public JerseyConfig() {
    register(UsersResource.class);
    register(PingResource.class);
  }
}
