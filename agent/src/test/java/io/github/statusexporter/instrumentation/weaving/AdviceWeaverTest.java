package io.github.statusexporter.instrumentation.weaving;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import net.bytebuddy.asm.Advice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Public, as the agent classes woven advice calls are: the woven class is in another loader. */
public class AdviceWeaverTest {
  /** What the woven advice saw, in order. */
  private static final List<String> CALLS = new ArrayList<>();

  public static void record(String call) {
    CALLS.add(call);
  }

  @BeforeEach
  void clear() {
    CALLS.clear();
  }

  @Test
  void eachMethodGetsTheAdviceItsHookNamesAndOnlyThat() throws Exception {
    Hook hook =
        new Hook(
            "Test server",
            Server.class.getName(),
            AdviceWeaverTest.class.getName(),
            new Advised(HandleAdvice.class.getName(), "handle", 1),
            new Advised(ErrorPageAdvice.class.getName(), "errorPage", 1));

    Class<?> woven = weave(hook);
    Object server = woven.getDeclaredConstructor().newInstance();
    woven.getMethod("handle", String.class).invoke(server, "/a");
    woven.getMethod("errorPage", String.class).invoke(server, "/b");
    woven.getMethod("handle", String.class, int.class).invoke(server, "/c", 1);

    assertThat(CALLS).containsExactly("enter /a", "exit /a", "error page /b");
  }

  @Test
  void aBridgeMethodTheCompilerMadeGetsNoAdviceSoACallThroughItIsSeenOnce() throws Exception {
    // Jersey's ResourceMethodInvoker.apply(RequestProcessingContext) has such a bridge,
    // apply(Object), as Server.accept(String) has accept(Object).
    Hook hook =
        new Hook(
            "Test server",
            Server.class.getName(),
            AdviceWeaverTest.class.getName(),
            new Advised(AnyArgumentAdvice.class.getName(), "accept", 1));

    Class<?> woven = weave(hook);
    Object server = woven.getDeclaredConstructor().newInstance();
    woven.getMethod("accept", Object.class).invoke(server, "/a");

    assertThat(CALLS).containsExactly("accept /a");
  }

  @Test
  void theHookNamesItsClassByItsInternalName() {
    Hook hook =
        new Hook("Test server", "org.example.Server$Inner", AdviceWeaverTest.class.getName());

    assertThat(hook.hooks("org/example/Server$Inner")).isTrue();
    assertThat(hook.hooks("org/example/Server")).isFalse();
    assertThat(hook.callsResource())
        .isEqualTo("io/github/statusexporter/instrumentation/weaving/AdviceWeaverTest.class");
  }

  /** Weaves the hook into a fresh copy of {@link Server}, defined in a loader of its own. */
  private static Class<?> weave(Hook hook) throws Exception {
    byte[] original;
    String resource = Server.class.getName().replace('.', '/') + ".class";
    try (InputStream in = AdviceWeaverTest.class.getClassLoader().getResourceAsStream(resource)) {
      original = in.readAllBytes();
    }
    byte[] woven =
        WeaverJar.weaver().weave(hook, AdviceWeaverTest.class.getClassLoader(), original);
    return new ClassLoader(AdviceWeaverTest.class.getClassLoader()) {
      @Override
      protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.equals(Server.class.getName())) {
          synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            return loaded != null ? loaded : defineClass(name, woven, 0, woven.length);
          }
        }
        return super.loadClass(name, resolve);
      }
    }.loadClass(Server.class.getName());
  }

  public static final class Server implements Consumer<String> {
    public void handle(String path) {}

    @Override
    public void accept(String path) {}

    public void handle(String path, int times) {}

    public void errorPage(String path) {}
  }

  static final class HandleAdvice {
    @Advice.OnMethodEnter
    static void enter(@Advice.Argument(0) String path) {
      record("enter " + path);
    }

    @Advice.OnMethodExit
    static void exit(@Advice.Argument(0) String path) {
      record("exit " + path);
    }
  }

  static final class ErrorPageAdvice {
    @Advice.OnMethodEnter
    static void enter(@Advice.Argument(0) String path) {
      record("error page " + path);
    }
  }

  /** Fits a bridge method as well as the method it calls. */
  static final class AnyArgumentAdvice {
    @Advice.OnMethodEnter
    static void enter(@Advice.Argument(0) Object path) {
      record("accept " + path);
    }
  }
}
