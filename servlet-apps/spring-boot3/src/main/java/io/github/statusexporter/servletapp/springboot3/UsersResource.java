package io.github.statusexporter.servletapp.springboot3;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;

/**
 * A JAX-RS resource with a template in its class and method paths, a method that throws, one that
 * answers asynchronously, and a sub-resource locator, whose templates Jersey matches in two steps.
 */
@Path("/users")
@Produces(MediaType.TEXT_PLAIN)
public class UsersResource {
  @GET
  @Path("/{id}")
  public String user(@PathParam("id") String id) {
    return "user " + id + "\n";
  }

  @GET
  @Path("/{id}/fail")
  public String fail(@PathParam("id") String id) {
    throw new IllegalStateException("fails on purpose: " + id);
  }

  /** Answers from another thread, once the request has gone asynchronous. */
  @GET
  @Path("/{id}/later")
  public void later(@PathParam("id") String id, @Suspended AsyncResponse response) {
    new Thread(() -> response.resume("later " + id + "\n")).start();
  }

  @Path("/{id}/orders")
  public Orders orders(@PathParam("id") String id) {
    return new Orders(id);
  }

  /** The resource a locator returns: its own paths follow the locator's. */
  public static class Orders {
    private final String user;

    Orders(String user) {
      this.user = user;
    }

    @GET
    @Path("/{order}")
    public String order(@PathParam("order") String order) {
      return "order " + order + " of " + user + "\n";
    }
  }
}
