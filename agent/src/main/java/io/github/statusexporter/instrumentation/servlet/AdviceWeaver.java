package io.github.statusexporter.instrumentation.servlet;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.pool.TypePool;

/**
 * Weaves a hook's advice into a container class, when it is retransformed on the {@code
 * status-exporter-instrument} thread: the only class that touches byte-buddy, loaded only once an
 * application has loaded a container class.
 */
final class AdviceWeaver {
  private AdviceWeaver() {}

  static byte[] weave(ContainerHook hook, ClassLoader loader, byte[] classFile) {
    String name = hook.className();
    ClassFileLocator locator =
        new ClassFileLocator.Compound(
            ClassFileLocator.Simple.of(name, classFile),
            ClassFileLocator.ForClassLoader.of(loader));
    TypePool types = TypePool.Default.WithLazyResolution.of(locator);
    Class<?> advice = hook == ContainerHook.TOMCAT ? TomcatAdvice.class : JettyAdvice.class;
    DynamicType.Builder<?> woven =
        new ByteBuddy()
            .redefine(types.describe(name).resolve(), locator)
            .visit(
                Advice.to(advice)
                    .on(named(hook.methodName()).and(takesArguments(hook.parameterCount()))));
    if (hook == ContainerHook.TOMCAT) {
      // Tomcat renders error pages inside the hooked method; Jetty after it, so needs no such hook.
      woven =
          woven.visit(
              Advice.to(TomcatErrorPageAdvice.class).on(named("custom").and(takesArguments(3))));
    }
    return woven.make().getBytes();
  }
}
