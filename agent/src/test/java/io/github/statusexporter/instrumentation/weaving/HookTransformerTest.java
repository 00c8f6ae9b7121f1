package io.github.statusexporter.instrumentation.weaving;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HookTransformerTest {
  @Test
  void aServerTheAgentDoesNotMeasureIsToldOnceAndNeverWoven() {
    List<String> log = new ArrayList<>();
    HookTransformer transformer =
        new HookTransformer(
            null,
            List.of(Hook.unsupported("Server 9", "com.example.server9.Connection", "it moved")),
            log::add);
    ClassLoader loader = getClass().getClassLoader();
    byte[] classFile = {(byte) 0xCA, (byte) 0xFE};

    assertThat(
            transformer.transform(loader, "com/example/server9/Connection", null, null, classFile))
        .isNull();
    assertThat(
            transformer.transform(loader, "com/example/server9/Connection", null, null, classFile))
        .isNull();
    assertThat(transformer.transform(loader, "com/example/Other", null, null, classFile)).isNull();

    assertThat(log).containsExactly("no request metrics for Server 9: it moved");
  }
}
