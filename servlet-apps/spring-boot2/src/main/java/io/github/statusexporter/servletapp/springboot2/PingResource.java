package io.github.statusexporter.servletapp.springboot2;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/** A probe, the kind of path users leave out of their request metrics. */
@Path("/ping")
public class PingResource {
  @GET
  @Produces(MediaType.TEXT_PLAIN)
  public String ping() {
    return "pong\n";
  }
}
