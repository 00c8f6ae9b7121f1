package io.github.statusexporter.servletapp.springboot3;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A probe, the kind of path users leave out of their request metrics. */
@Path("/ping")
public class PingResource {
  @GET
  @Produces(MediaType.TEXT_PLAIN)
  public String ping() {
    return "pong\n";
  }
}
