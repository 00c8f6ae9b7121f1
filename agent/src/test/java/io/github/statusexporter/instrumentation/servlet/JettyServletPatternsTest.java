package io.github.statusexporter.instrumentation.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The lookups of Jetty 9.4 to 11's servlet handlers, on classes of the same shapes: the real ones
 * are measured live by JettyRequestMetricsIT (Jetty 9.4.58, 10 and 11), which the agent's own tests
 * cannot have on one class path.
 */
class JettyServletPatternsTest {
  @Test
  void theDeclarationOfTheMatchedMappingIsThePatternAndTheContextRootsIsSlash() {
    Jetty10Handler handler = new Jetty10Handler(Map.of("/items/1", "/items/*", "/", ""));

    assertThat(JettyServletPatterns.pattern(handler, "/items/1")).isEqualTo("/items/*");
    assertThat(JettyServletPatterns.pattern(handler, "/")).isEqualTo("/");
  }

  @Test
  void noMatchIsNoPattern() {
    assertThat(JettyServletPatterns.pattern(new Jetty10Handler(Map.of()), "/x")).isEmpty();
    assertThat(JettyServletPatterns.pattern(new Jetty94Handler(Map.of()), "/x")).isEmpty();
  }

  @Test
  void anOlderJettyWithOnlyGetMappedServletIsAskedThat() {
    Jetty94Handler handler = new Jetty94Handler(Map.of("/a.jsp", "*.jsp"));

    assertThat(JettyServletPatterns.pattern(handler, "/a.jsp")).isEqualTo("*.jsp");
  }

  @Test
  void aHandlerOfAnotherShapeHasNoPatternSoTheRequestIsNotRecorded() {
    assertThat(JettyServletPatterns.pattern(new Object(), "/x")).isNull();
  }

  /** As Jetty 9.4.4x to 11: {@code getMatchedServlet}, null when nothing matches. */
  public static final class Jetty10Handler {
    private final Map<String, String> declarations;

    Jetty10Handler(Map<String, String> declarations) {
      this.declarations = declarations;
    }

    public Matched getMatchedServlet(String target) {
      String declaration = declarations.get(target);
      return declaration == null ? null : new Matched(new Spec(declaration));
    }
  }

  /** As Jetty 9.4 before 9.4.4x: only {@code getMappedServlet}. */
  public static final class Jetty94Handler {
    private final Map<String, String> declarations;

    Jetty94Handler(Map<String, String> declarations) {
      this.declarations = declarations;
    }

    public Matched getMappedServlet(String target) {
      String declaration = declarations.get(target);
      return declaration == null ? null : new Matched(new Spec(declaration));
    }
  }

  public static final class Matched {
    private final Spec spec;

    Matched(Spec spec) {
      this.spec = spec;
    }

    public Spec getPathSpec() {
      return spec;
    }
  }

  public static final class Spec {
    private final String declaration;

    Spec(String declaration) {
      this.declaration = declaration;
    }

    public String getDeclaration() {
      return declaration;
    }
  }
}
