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
 * Weaves a hook's advice into its class with byte-buddy: the only class that touches byte-buddy,
 * packed with it in the jar inside the agent's jar ({@link WeaverJar}) and loaded by that jar's
 * class loader, once an application has loaded a hooked class. Public, with a public constructor,
 * for {@link WeaverJar} to create it by name.
 */
public final class AdviceWeaver implements Weaver {
  @Override
  public byte[] weave(Hook hook, ClassLoader loader, byte[] classFile) {
    String name = hook.className();
    ClassFileLocator locator =
        new ClassFileLocator.Compound(
            ClassFileLocator.Simple.of(name, classFile),
            ClassFileLocator.ForClassLoader.of(loader),
            // byte-buddy's own annotations on the advice, read from their class files: the
            // hooked class's loader does not see them, the inner jar's does.
            ClassFileLocator.ForClassLoader.of(AdviceWeaver.class.getClassLoader()));
    TypePool types = TypePool.Default.WithLazyResolution.of(locator);
    DynamicType.Builder<?> woven =
        new ByteBuddy().redefine(types.describe(name).resolve(), locator);
    for (Advised advised : hook.advised()) {
      // Described from its class file, through the hooked class's loader (which sees the agent's
      // classes), never reflected on: an advice may then name the server's own types, which the
      // agent's loader may not see (a Jetty in a class loader of its own).
      TypeDescription advice = types.describe(advised.advice()).resolve();
      woven =
          woven.visit(
              Advice.to(advice, locator)
                  .on(named(advised.method()).and(takesArguments(advised.parameterCount()))));
    }
    return woven.make().getBytes();
  }
}
