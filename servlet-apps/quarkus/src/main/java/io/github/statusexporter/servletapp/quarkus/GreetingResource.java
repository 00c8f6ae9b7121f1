package io.github.statusexporter.servletapp.quarkus;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A resource with a path template, the kind of route a request metric should name. */
@Path("/hello")
public class GreetingResource {
  @GET
  @Path("/{name}")
  @Produces(MediaType.TEXT_PLAIN)
  public String hello(@PathParam("name") String name) {
    return "hello " + name + "\n";
  }
}
