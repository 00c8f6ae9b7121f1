package io.github.statusexporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.tools.attach.AttachOperationFailedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class RunningJvmTest {
  /** A JVM that sets and clears system properties without end, as a starting agent does a few. */
  public static final class PropertyChurn {
    public static void main(String[] arguments) {
      System.out.println("ready");
      System.out.flush();
      for (long i = 0; ; i++) {
        String name = "churn." + (i % 64);
        System.setProperty(name, "value");
        System.clearProperty(name);
      }
    }
  }

  @Test
  void propertiesAreReadWhileTheJvmSetsAndClearsThem() throws Exception {
    Process churn =
        new ProcessBuilder(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                PropertyChurn.class.getName())
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(churn.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("ready");
      VirtualMachine vm = VirtualMachine.attach(String.valueOf(churn.pid()));
      try {
        // On JDK 17 a plain read fails now and then (measured: 26 of 200); later JDKs copy the
        // properties in one pass.
        int plainFailures = 0;
        for (int i = 0; i < 100; i++) {
          try {
            vm.getSystemProperties();
          } catch (AttachOperationFailedException e) {
            plainFailures++;
          }
        }
        for (int i = 0; i < 100; i++) {
          Properties properties = RunningJvm.systemProperties(vm);
          assertThat(properties.getProperty("java.home")).isNotEmpty();
        }
        System.out.println("plain reads that failed: " + plainFailures + " of 100");
      } finally {
        vm.detach();
      }
    } finally {
      churn.destroyForcibly();
    }
  }
}
