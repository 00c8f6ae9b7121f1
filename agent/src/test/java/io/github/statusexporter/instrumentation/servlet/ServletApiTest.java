package io.github.statusexporter.instrumentation.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.statusexporter.instrumentation.weaving.AdapterLoader;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServletApiTest {
  @Test
  void requestsOfEachServletApiGetTheirAdapterAndOthersNone() {
    assertThat(ServletApi.of(jakarta.servlet.http.HttpServletRequestWrapper.class))
        .isInstanceOf(JakartaRequests.class);
    assertThat(ServletApi.of(javax.servlet.http.HttpServletRequestWrapper.class))
        .isInstanceOf(JavaxRequests.class);
    assertThat(ServletApi.of(Object.class).enter(new Object())).isNull();
  }

  @Test
  void aServletApiTheAgentsLoaderDoesNotSeeGetsACopyOfTheAdapterBesideIt() throws Exception {
    URL servletApiJar =
        jakarta.servlet.http.HttpServletRequest.class
            .getProtectionDomain()
            .getCodeSource()
            .getLocation();
    try (URLClassLoader elsewhere = new OwnServletApi(servletApiJar)) {
      Class<?> wrapper =
          Class.forName("jakarta.servlet.http.HttpServletRequestWrapper", false, elsewhere);
      assertThat(wrapper).isNotEqualTo(jakarta.servlet.http.HttpServletRequestWrapper.class);

      ServletApi adapter = ServletApi.of(wrapper);

      assertThat(adapter.getClass().getName()).isEqualTo(JakartaRequests.class.getName());
      assertThat(adapter.getClass().getClassLoader()).isInstanceOf(AdapterLoader.class);
      assertThat(adapter.getClass().getClassLoader().getParent()).isSameAs(elsewhere);
      assertThat(ServletApi.of(wrapper)).isSameAs(adapter);
    }
  }

  @Test
  void aCopyOfTheAdapterReachesWhatItUsesOfTheAgent() throws Exception {
    URL servletApiJar =
        jakarta.servlet.http.HttpServletRequest.class
            .getProtectionDomain()
            .getCodeSource()
            .getLocation();
    try (URLClassLoader elsewhere = new OwnServletApi(servletApiJar)) {
      Class<?> requestInterface =
          Class.forName("jakarta.servlet.http.HttpServletRequest", false, elsewhere);
      Map<String, Object> attributes = new HashMap<>();
      attributes.put(ServletApi.SPRING_MVC_TEMPLATE, List.of("not a string"));
      Object request =
          Proxy.newProxyInstance(
              elsewhere,
              new Class<?>[] {requestInterface},
              (proxy, method, arguments) -> {
                switch (method.getName()) {
                  case "getAttribute":
                    return attributes.get((String) arguments[0]);
                  case "setAttribute":
                    return attributes.put((String) arguments[0], arguments[1]);
                  default:
                    throw new UnsupportedOperationException(method.getName());
                }
              });

      ServletApi.of(request.getClass()).errorPage(request);

      assertThat(attributes.get(ServletApi.TEMPLATE_BEFORE_ERROR_PAGE))
          .isSameAs(ServletApi.NO_TEMPLATE);
    }
  }

  /** Loads the servlet API itself, as a Spring Boot jar's loader does, and the rest as usual. */
  private static final class OwnServletApi extends URLClassLoader {
    OwnServletApi(URL servletApiJar) {
      super(new URL[] {servletApiJar}, ServletApiTest.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith("jakarta.servlet.")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        return loaded != null ? loaded : findClass(name);
      }
    }
  }

  @Test
  void theJavaxAdapterIsTheJakartaOneWithJavaxForJakarta() throws IOException {
    Path sources = Paths.get("src/main/java/io/github/statusexporter/instrumentation/servlet");
    String jakarta = Files.readString(sources.resolve("JakartaRequests.java"));
    String javax = Files.readString(sources.resolve("JavaxRequests.java"));

    assertThat(code(javax)).isEqualTo(code(jakarta).replace("jakarta", "javax"));
  }

  /** The source after its class comment, with the class names made equal. */
  private static String code(String source) {
    return source
        .substring(source.indexOf("*/"))
        .replace("JakartaRequests", "Requests")
        .replace("JavaxRequests", "Requests");
  }

  @Test
  void anExceptionMeans500UnlessTheResponseWasAlreadyCommitted() {
    IOException thrown = new IOException("broken");

    assertThat(ServletApi.status(200, false, null)).isEqualTo(200);
    assertThat(ServletApi.status(200, false, thrown)).isEqualTo(500);
    assertThat(ServletApi.status(200, true, thrown)).isEqualTo(200);
  }
}
