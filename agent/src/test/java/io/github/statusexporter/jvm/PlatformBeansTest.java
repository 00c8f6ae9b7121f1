package io.github.statusexporter.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.RuntimeMXBean;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The JDK's factory, exported to the tests as the agent exports it to itself (the surefire
 * configuration), gives the beans {@code ManagementFactory} gives, in another order (which the
 * output does not show: client_java sorts each family's series by their labels).
 */
class PlatformBeansTest {
  private static <T> T fromFactory(String method, Class<T> type) throws Exception {
    Object bean = PlatformBeans.fromFactory(Class.forName(PlatformBeans.FACTORY), method, type);
    assertThat(bean).isNotSameAs(PlatformBeans.UNANSWERED);
    return type.cast(bean);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theJdksFactoryGivesTheSameBeansAsManagementFactory() throws Exception {
    assertThat(fromFactory("getGarbageCollectorMXBeans", List.class))
        .containsExactlyInAnyOrderElementsOf(ManagementFactory.getGarbageCollectorMXBeans())
        .isNotEmpty();
    assertThat(fromFactory("getMemoryPoolMXBeans", List.class))
        .containsExactlyInAnyOrderElementsOf(ManagementFactory.getMemoryPoolMXBeans())
        .isNotEmpty();
    assertThat(fromFactory("getMemoryMXBean", MemoryMXBean.class))
        .isSameAs(ManagementFactory.getMemoryMXBean());
    assertThat(fromFactory("getClassLoadingMXBean", ClassLoadingMXBean.class))
        .isSameAs(ManagementFactory.getClassLoadingMXBean());
    assertThat(fromFactory("getRuntimeMXBean", RuntimeMXBean.class))
        .isSameAs(ManagementFactory.getRuntimeMXBean());
    List<BufferPoolMXBean> bufferPools = fromFactory("getBufferPoolMXBeans", List.class);
    assertThat(bufferPools.stream().map(BufferPoolMXBean::getName).collect(Collectors.toList()))
        .containsExactlyInAnyOrderElementsOf(
            ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .map(BufferPoolMXBean::getName)
                .collect(Collectors.toList()))
        .contains("direct", "mapped");
  }

  @Test
  void theFactorysThreadBeanCountsTheSameThreads() throws Exception {
    // ManagementFactory's is a subclass (HotSpotThreadImpl) with com.sun.management's methods;
    // both read the same counters of the JVM.
    ThreadMXBean threads = fromFactory("getThreadMXBean", ThreadMXBean.class);
    ThreadMXBean theirs = ManagementFactory.getThreadMXBean();

    long startedBefore = theirs.getTotalStartedThreadCount();
    long started = threads.getTotalStartedThreadCount();
    new Thread(() -> {}).start();
    assertThat(started)
        .isGreaterThanOrEqualTo(startedBefore)
        .isLessThan(theirs.getTotalStartedThreadCount());
    assertThat(threads.getThreadInfo(Thread.currentThread().getId()).getThreadName())
        .isEqualTo(Thread.currentThread().getName());
    assertThat(threads.findDeadlockedThreads()).isNull();
    assertThat(threads.isCurrentThreadCpuTimeSupported())
        .isEqualTo(theirs.isCurrentThreadCpuTimeSupported());
  }

  @Test
  void withoutTheFactoryOrItsMethodTheBeanIsLeftToManagementFactory() {
    assertThat(PlatformBeans.fromFactory(null, "getThreadMXBean", ThreadMXBean.class))
        .isSameAs(PlatformBeans.UNANSWERED);
    assertThat(PlatformBeans.fromFactory(String.class, "getThreadMXBean", ThreadMXBean.class))
        .isSameAs(PlatformBeans.UNANSWERED);
    assertThat(PlatformBeans.fromFactory(PlatformBeansTest.class, "fromFactory", List.class))
        .isSameAs(PlatformBeans.UNANSWERED);
  }

  @Test
  void openTakesTheFactoryWhereThePackageIsExportedAlready() {
    // No instrumentation here, but the tests' JVM exports the package: open() takes the factory.
    PlatformBeans.open(null);

    assertThat(PlatformBeans.threads().getClass().getName()).isEqualTo("sun.management.ThreadImpl");
    assertThat(PlatformBeans.collectors())
        .containsExactlyInAnyOrderElementsOf(ManagementFactory.getGarbageCollectorMXBeans());
    assertThat(PlatformBeans.memoryPools())
        .extracting(MemoryPoolMXBean::getName)
        .containsExactlyInAnyOrderElementsOf(
            ManagementFactory.getMemoryPoolMXBeans().stream()
                .map(MemoryPoolMXBean::getName)
                .collect(Collectors.toList()));
    assertThat(PlatformBeans.threads().getThreadCount()).isPositive();
    assertThat(PlatformBeans.bufferPools())
        .extracting(BufferPoolMXBean::getName)
        .contains("direct");
    assertThat(PlatformBeans.compilation().getName()).isNotEmpty();
  }
}
