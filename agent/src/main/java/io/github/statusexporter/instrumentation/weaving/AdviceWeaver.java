package io.github.statusexporter.instrumentation.weaving;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.pool.TypePool;

/**
 * Weaves a hook's advice into its class, when it is retransformed on the {@code
 * status-exporter-instrument} thread: the only class that touches byte-buddy, loaded only once an
 * application has loaded a hooked class.
 */
final class AdviceWeaver {
  private AdviceWeaver() {}

  static byte[] weave(Hook hook, ClassLoader loader, byte[] classFile) {
    String name = hook.className();
    ClassFileLocator locator =
        new ClassFileLocator.Compound(
            ClassFileLocator.Simple.of(name, classFile),
            ClassFileLocator.ForClassLoader.of(loader));
    TypePool types = TypePool.Default.WithLazyResolution.of(locator);
    DynamicType.Builder<?> woven =
        new ByteBuddy().redefine(types.describe(name).resolve(), locator);
    for (Advised advised : hook.advised()) {
      // Described from its class file, through the hooked class's loader (which sees the agent's
      // classes), never reflected on: an advice may then name the server's own types, which the
      // agent's loader may not see (a Jetty in a class loader of its own).
      TypeDescription advice = types.describe(advised.advice).resolve();
      woven =
          woven.visit(
              Advice.to(advice, locator)
                  .on(named(advised.method).and(takesArguments(advised.parameterCount))));
    }
    return woven.make().getBytes();
  }
}
