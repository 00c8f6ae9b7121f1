package io.github.statusexporter.instrumentation.weaving;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.statusexporter.instrumentation.MeasuredServers;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdapterLoaderTest {
  /** The agent's side of an adapter: the loader of the copy must see it. */
  public abstract static class Api {
    public abstract String get();
  }

  public static final class Adapter extends Api {
    @Override
    public String get() {
      return "copied";
    }
  }

  private static final Api NONE =
      new Api() {
        @Override
        public String get() {
          return "none";
        }
      };

  @Test
  void aCopyBesideALoaderThatSeesTheAgentIsAnotherClassOfTheSameAdapter() {
    Api copy =
        AdapterLoader.copyBesideOr(
            NONE, "Test Server E", getClass().getClassLoader(), Adapter.class, Api.class);

    assertThat(copy.get()).isEqualTo("copied");
    assertThat(copy.getClass()).isNotSameAs(Adapter.class);
  }

  @Test
  void aLoaderThatCannotTakeTheCopyGivesNoneAndSaysSoOnce() {
    List<String> lines = new ArrayList<>();
    MeasuredServers.logTo(lines::add);
    // Sees neither the agent nor the test: the copy cannot link the API it extends.
    ClassLoader elsewhere = new URLClassLoader(new URL[0], null);

    for (int i = 0; i < 2; i++) {
      Api none =
          AdapterLoader.copyBesideOr(NONE, "Test Server F", elsewhere, Adapter.class, Api.class);
      assertThat(none.get()).isEqualTo("none");
    }

    assertThat(lines)
        .singleElement()
        .asString()
        .startsWith(
            "no request metrics for Test Server F: the agent's adapter cannot be defined beside"
                + " its classes (");
  }
}
