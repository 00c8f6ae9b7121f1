package io.github.statusexporter.instrumentation.weaving;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
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
      woven =
          woven.visit(
              Advice.to(advised.advice)
                  .on(named(advised.method).and(takesArguments(advised.parameterCount))));
    }
    return woven.make().getBytes();
  }
}
