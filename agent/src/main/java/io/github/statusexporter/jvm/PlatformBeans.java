package io.github.statusexporter.jvm;

import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.RuntimeMXBean;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The platform beans the JVM metrics read. {@code ManagementFactory} finds each of them through its
 * search of the platform components (a service loader, and streams whose lambdas the JVM spins): at
 * its first call, in a JVM that had not used it, 0.45 MB of garbage and 140 classes more than the
 * beans themselves take on JDK 17, 0.54 MB and 90 classes on JDK 25. Its components take the beans
 * from the JDK's own factory, {@code sun.management.ManagementFactoryHelper}; once the agent has
 * exported that package to itself ({@link #open}), it asks the factory too, for the same beans. The
 * thread bean is then the JDK's base one, not the subclass that adds {@code
 * com.sun.management.ThreadMXBean}'s methods, which the agent does not use. Without the export
 * (another JVM, a JDK that moved the factory, no instrumentation), from {@code ManagementFactory},
 * as before. Applications that use JMX have paid the search already; the others, small services,
 * are where the agent's memory counts most.
 */
public final class PlatformBeans {
  private static final String PACKAGE = "sun.management";
  static final String FACTORY = PACKAGE + ".ManagementFactoryHelper";

  /**
   * Whose class initialization loads the JDK's {@code libmanagement_ext}: the collectors'
   * notifications are native methods in it ({@link MemoryPoolAllocations} listens to them). {@code
   * ManagementFactory} loads it with the platform components.
   */
  private static final String NATIVE_METHODS_LOADER =
      "com.sun.management.internal.PlatformMBeanProviderImpl";

  /** The JDK's factory, once exported to the agent; null: {@code ManagementFactory}. */
  private static volatile Class<?> factory;

  private PlatformBeans() {}

  /**
   * Exports the JDK's factory to the agent, before the JVM metrics and the metrics server take any
   * bean; the application's classes, in the same unnamed module, may then use it too, as they could
   * with {@code --add-exports}.
   */
  public static void open(Instrumentation instrumentation) {
    Optional<Module> management = ModuleLayer.boot().findModule(RuntimeModules.JAVA_MANAGEMENT);
    Module agent = PlatformBeans.class.getModule();
    if (management.isEmpty()) {
      return;
    }
    try {
      if (!management.get().isExported(PACKAGE, agent)) {
        if (instrumentation == null) {
          return;
        }
        instrumentation.redefineModule(
            management.get(),
            Set.of(),
            Map.of(PACKAGE, Set.of(agent)),
            Map.of(),
            Set.of(),
            Map.of());
      }
      if (RuntimeModules.has(RuntimeModules.JDK_MANAGEMENT)) {
        Class.forName(NATIVE_METHODS_LOADER, true, null);
      }
      factory = Class.forName(FACTORY, false, null);
    } catch (ClassNotFoundException | RuntimeException | LinkageError notThisJdk) {
      factory = null;
    }
  }

  // Each getter names its fallback itself: one helper taking the fallback as a Supplier would
  // need a lambda per bean, which the JVM spins at start (the garbage this class is for avoiding).

  public static ThreadMXBean threads() {
    Object bean = fromFactory("getThreadMXBean", ThreadMXBean.class);
    return bean != UNANSWERED ? (ThreadMXBean) bean : ManagementFactory.getThreadMXBean();
  }

  public static MemoryMXBean memory() {
    Object bean = fromFactory("getMemoryMXBean", MemoryMXBean.class);
    return bean != UNANSWERED ? (MemoryMXBean) bean : ManagementFactory.getMemoryMXBean();
  }

  public static ClassLoadingMXBean classLoading() {
    Object bean = fromFactory("getClassLoadingMXBean", ClassLoadingMXBean.class);
    return bean != UNANSWERED
        ? (ClassLoadingMXBean) bean
        : ManagementFactory.getClassLoadingMXBean();
  }

  /** Null where the JVM has no compiler ({@code -Xint}), as {@code ManagementFactory} says too. */
  public static CompilationMXBean compilation() {
    Object bean = fromFactory("getCompilationMXBean", CompilationMXBean.class);
    return bean != UNANSWERED ? (CompilationMXBean) bean : ManagementFactory.getCompilationMXBean();
  }

  public static RuntimeMXBean runtime() {
    Object bean = fromFactory("getRuntimeMXBean", RuntimeMXBean.class);
    return bean != UNANSWERED ? (RuntimeMXBean) bean : ManagementFactory.getRuntimeMXBean();
  }

  @SuppressWarnings("unchecked")
  public static List<MemoryPoolMXBean> memoryPools() {
    Object beans = fromFactory("getMemoryPoolMXBeans", List.class);
    return beans != UNANSWERED
        ? (List<MemoryPoolMXBean>) beans
        : ManagementFactory.getMemoryPoolMXBeans();
  }

  @SuppressWarnings("unchecked")
  public static List<GarbageCollectorMXBean> collectors() {
    Object beans = fromFactory("getGarbageCollectorMXBeans", List.class);
    return beans != UNANSWERED
        ? (List<GarbageCollectorMXBean>) beans
        : ManagementFactory.getGarbageCollectorMXBeans();
  }

  @SuppressWarnings("unchecked")
  public static List<BufferPoolMXBean> bufferPools() {
    Object beans = fromFactory("getBufferPoolMXBeans", List.class);
    return beans != UNANSWERED
        ? List.copyOf((List<BufferPoolMXBean>) beans) // the factory keeps that list, and shares it
        : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class);
  }

  /** What {@link #fromFactory} answers when there is no factory or it does not answer so. */
  static final Object UNANSWERED = new Object();

  private static Object fromFactory(String method, Class<?> type) {
    return fromFactory(factory, method, type);
  }

  /**
   * The factory's answer, null included (no compiler), or {@link #UNANSWERED}: then {@code
   * ManagementFactory}.
   */
  static Object fromFactory(Class<?> jdkFactory, String method, Class<?> type) {
    if (jdkFactory == null) {
      return UNANSWERED;
    }
    try {
      return type.cast(
          MethodHandles.lookup()
              .findStatic(jdkFactory, method, MethodType.methodType(type))
              .invoke());
    } catch (ReflectiveOperationException | RuntimeException | LinkageError notThisJdk) {
      return UNANSWERED;
    } catch (Throwable e) {
      // The factory's methods declare no exception: only an error of the JVM gets here.
      if (e instanceof Error) {
        throw (Error) e;
      }
      throw new IllegalStateException(e);
    }
  }
}
