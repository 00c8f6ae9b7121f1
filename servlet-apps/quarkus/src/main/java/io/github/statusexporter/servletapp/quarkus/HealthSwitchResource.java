package io.github.statusexporter.servletapp.quarkus;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.health.Readiness;

/**
 * Takes the payments service down and brings it back, for a test: {@code POST /test/health/down}.
 */
@Path("/test/health")
@Produces(MediaType.TEXT_PLAIN)
public class HealthSwitchResource {
  // The check's bean carries its @Readiness qualifier, not @Default.
  @Inject @Readiness PaymentsReadiness payments;

  @POST
  @Path("/down")
  public String down() {
    payments.set(false);
    return "payments DOWN\n";
  }

  @POST
  @Path("/up")
  public String up() {
    payments.set(true);
    return "payments UP\n";
  }
}
