package io.github.statusexporter.servletapp.springboot2;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.container.AsyncResponse;
import javax.ws.rs.container.Suspended;
import javax.ws.rs.core.MediaType;

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
