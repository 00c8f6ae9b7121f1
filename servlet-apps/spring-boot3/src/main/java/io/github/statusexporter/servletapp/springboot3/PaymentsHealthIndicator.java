package io.github.statusexporter.servletapp.springboot3;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The health of a downstream service, as a Spring Boot user writes a health indicator: Actuator
 * shows it as the component {@code payments} and answers 503 while it is DOWN. {@link
 * HealthSwitchController} switches it, so that a test can take the application down and back.
 */
@Component
public class PaymentsHealthIndicator implements HealthIndicator {
  private final AtomicBoolean up = new AtomicBoolean(true);

  void set(boolean up) {
    this.up.set(up);
  }

  @Override
  public Health health() {
    return up.get()
        ? Health.up().build()
        : Health.down().withDetail("reason", "switched off").build();
  }
}
