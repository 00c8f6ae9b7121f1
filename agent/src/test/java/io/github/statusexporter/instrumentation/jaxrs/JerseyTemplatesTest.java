package io.github.statusexporter.instrumentation.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.statusexporter.instrumentation.weaving.AdapterLoader;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.internal.process.RequestProcessingContext;
import org.glassfish.jersey.uri.UriTemplate;
import org.junit.jupiter.api.Test;

/**
 * The templates of real Jersey routing, in memory: a response filter sees what the resource
 * method's invoker saw (its matched templates) and asks the adapter for the route.
 */
class JerseyTemplatesTest {
  private final JerseyTemplates templates = new JerseyTemplates();
  private final List<String> routes = new ArrayList<>();

  private final ApplicationHandler jersey =
      new ApplicationHandler(
          new ResourceConfig(Users.class, Root.class).register(new RouteOfEachRequest()));

  @Test
  void theClassAndMethodPathsOfTheMatchedResourceMethodAreItsRoute() throws Exception {
    get("/users/7");
    get("/users/8");
    get("/users");

    assertThat(routes).containsExactly("/users/{id}", "/users/{id}", "/users");
    assertThat(routes.get(1)).isSameAs(routes.get(0)); // joined once, not per request
  }

  @Test
  void aSubResourceJoinsThePathsOfEachLocatorOnItsWay() throws Exception {
    get("/users/7/orders/1");
    get("/users/7/friends/8/orders/2");
    get("/users/7/orders/3");

    assertThat(routes)
        .containsExactly(
            "/users/{id}/orders/{order}",
            "/users/{id}/friends/{friend}/orders/{order}",
            "/users/{id}/orders/{order}");
  }

  @Test
  void eachWayToAResourceMethodIsJoinedOnceEvenBehindAnother() throws Exception {
    get("/users/7/friends/8/orders/2");
    get("/users/7/orders/1"); // the same method, another way: both kept
    get("/users/7/friends/9/orders/3"); // the way kept first: found behind the other

    assertThat(routes.get(2)).isEqualTo("/users/{id}/friends/{friend}/orders/{order}");
    assertThat(routes.get(2)).isSameAs(routes.get(0));
  }

  @Test
  void theRootResourceIsTheSlash() throws Exception {
    get("/");

    assertThat(routes).containsExactly("/");
  }

  @Test
  void theAgentsOwnAdapterServesTheJerseyItsLoaderSeesAndACopyAnyOther() throws Exception {
    assertThat(JaxRsHooks.adapterFor(RequestProcessingContext.class))
        .isExactlyInstanceOf(JerseyTemplates.class);

    try (URLClassLoader elsewhere = new OwnJersey()) {
      Class<?> theirs = Class.forName(RequestProcessingContext.class.getName(), false, elsewhere);
      assertThat(theirs).isNotEqualTo(RequestProcessingContext.class);

      MatchedTemplates copy = JaxRsHooks.adapterFor(theirs);

      assertThat(copy.getClass().getName()).isEqualTo(JerseyTemplates.class.getName());
      assertThat(copy.getClass().getClassLoader()).isInstanceOf(AdapterLoader.class);
      assertThat(copy.getClass().getClassLoader().getParent()).isSameAs(elsewhere);
    }
  }

  @Test
  void aJerseyWhoseHookedMethodTakesSomethingElseGetsNoAdapter() {
    // Jersey before RequestProcessingContext, or another class of the same name's argument.
    assertThat(JaxRsHooks.adapterFor(ContainerRequest.class)).isSameAs(MatchedTemplates.NONE);
  }

  private void get(String path) throws Exception {
    jersey
        .apply(
            new ContainerRequest(
                URI.create("http://localhost/api/"),
                URI.create("http://localhost/api" + path),
                "GET",
                null,
                new MapPropertiesDelegate(),
                null))
        .get();
  }

  /** After the resource method, as the woven advice before it: the templates are all matched. */
  private final class RouteOfEachRequest implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      ExtendedUriInfo uriInfo = ((ContainerRequest) request).getUriInfo();
      routes.add(templates.template(uriInfo.getMatchedResourceMethod(), uriInfo));
    }
  }

  @Path("/users")
  public static class Users {
    @GET
    public String all() {
      return "all";
    }

    @GET
    @Path("/{id}")
    public String user() {
      return "user";
    }

    @Path("/{id}/orders")
    public Orders orders() {
      return new Orders();
    }

    @Path("/{id}/friends/{friend}")
    public Friend friend() {
      return new Friend();
    }
  }

  /** Reached through two locators: the same resource methods, two routes. */
  public static class Orders {
    @GET
    @Path("/{order}")
    public String order() {
      return "order";
    }
  }

  public static class Friend {
    @Path("/orders")
    public Orders orders() {
      return new Orders();
    }
  }

  @Path("/")
  public static class Root {
    @GET
    public String root() {
      return "root";
    }
  }

  /** Loads Jersey's server and common classes itself, as a Spring Boot jar's loader does. */
  private static final class OwnJersey extends URLClassLoader {
    OwnJersey() {
      super(
          new URL[] {jarOf(RequestProcessingContext.class), jarOf(UriTemplate.class)},
          JerseyTemplatesTest.class.getClassLoader());
    }

    private static URL jarOf(Class<?> type) {
      return type.getProtectionDomain().getCodeSource().getLocation();
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith("org.glassfish.jersey.")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        return loaded != null ? loaded : findClass(name);
      }
    }
  }
}
