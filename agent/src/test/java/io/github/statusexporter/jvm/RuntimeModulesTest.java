package io.github.statusexporter.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The modules a runtime made with jlink may lack, and what the agent says then. */
class RuntimeModulesTest {
  @Test
  void nativeMemoryTrackingIsOnlyWhatTheLastFlagSays() {
    assertThat(RuntimeModules.tracksNativeMemory(List.of())).isFalse();
    assertThat(RuntimeModules.tracksNativeMemory(List.of("-Xmx64m"))).isFalse();
    assertThat(RuntimeModules.tracksNativeMemory(List.of("-XX:NativeMemoryTracking=summary")))
        .isTrue();
    assertThat(
            RuntimeModules.tracksNativeMemory(
                List.of("-XX:NativeMemoryTracking=detail", "-XX:NativeMemoryTracking=off")))
        .isFalse();
    assertThat(
            RuntimeModules.tracksNativeMemory(
                List.of("-XX:NativeMemoryTracking=off", "-XX:NativeMemoryTracking=detail")))
        .isTrue();
  }

  @Test
  void aFlagsFilesOptionCountsToo() {
    // As the JVM lists a -XX:Flags file's lines among its arguments: without their -XX:.
    assertThat(
            RuntimeModules.tracksNativeMemory(
                List.of("NativeMemoryTracking=summary", "-XX:Flags=.hotspotrc")))
        .isTrue();
    assertThat(RuntimeModules.tracksNativeMemory(List.of("NativeMemoryTracking=off"))).isFalse();
  }

  @Test
  void aJvmWithJavaManagementIsNeverToldToAddIt() {
    // The unit tests' JDK has every module: a missing class of the module is then not the runtime.
    assertThat(
            RuntimeModules.missingJavaManagement(
                new NoClassDefFoundError("javax/management/MalformedObjectNameException")))
        .isEmpty();
    assertThat(RuntimeModules.has("java.management")).isTrue();
    assertThat(RuntimeModules.has("jdk.management")).isTrue();
    assertThat(RuntimeModules.has("no.such.module")).isFalse();
  }
}
