package io.github.statusexporter.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.statusexporter.instrumentation.weaving.Hook;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.asm.Advice;
import org.junit.jupiter.api.Test;

/**
 * Hooks name their advice and the class it calls instead of referencing them (so that the catalog
 * loads none of them): a name that a rename left behind would fail only when its server is found.
 */
class HookCatalogTest {
  @Test
  void everyHookNamesClassesThatExistAndEachAdviceHasAdviceMethods() throws Exception {
    List<String> problems = new ArrayList<>();
    for (Hook hook : InstrumentedServers.ALL) {
      String calls = hook.calls();
      if (!exists(calls)) {
        problems.add(hook.className() + ": no class " + calls);
      }
      for (String advice : hook.adviceNames()) {
        if (!exists(advice)) {
          problems.add(hook.className() + ": no class " + advice);
        } else if (!hasAdviceMethod(Class.forName(advice, false, getClass().getClassLoader()))) {
          problems.add(hook.className() + ": " + advice + " has no @Advice.OnMethod* method");
        }
      }
    }
    assertThat(problems).isEmpty();
    assertThat(InstrumentedServers.ALL).hasSizeGreaterThanOrEqualTo(17);
  }

  private boolean exists(String name) {
    try {
      Class.forName(name, false, getClass().getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  private static boolean hasAdviceMethod(Class<?> advice) {
    for (var method : advice.getDeclaredMethods()) {
      if (method.isAnnotationPresent(Advice.OnMethodEnter.class)
          || method.isAnnotationPresent(Advice.OnMethodExit.class)) {
        return true;
      }
    }
    return false;
  }
}
