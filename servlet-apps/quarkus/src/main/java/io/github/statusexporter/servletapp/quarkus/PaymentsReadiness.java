package io.github.statusexporter.servletapp.quarkus;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * A readiness check on a downstream service, as a MicroProfile Health user writes one; the
 * service's state is switched by {@link HealthSwitchResource} so that a test can take the
 * application DOWN ({@code /q/health} answers 503) and bring it back.
 */
@Readiness
@ApplicationScoped
public class PaymentsReadiness implements HealthCheck {
  private final AtomicBoolean up = new AtomicBoolean(true);

  void set(boolean up) {
    this.up.set(up);
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("payments").status(up.get()).build();
  }
}
