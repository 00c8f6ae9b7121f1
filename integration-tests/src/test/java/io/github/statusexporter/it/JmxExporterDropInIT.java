package io.github.statusexporter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Our agent as a drop-in for jmx_exporter 1.0.1's: both agents in one JVM, each on a port of its
 * own and on the same configuration file, in jmx_exporter's argument form {@code port:file}. The
 * series that come from the file's rules must be the same in both outputs: every family but the
 * agents' own ({@code jvm_}, {@code process_}, {@code jmx_}, {@code http_server_}, {@code
 * status_exporter_}), with the same series (name and labels), TYPE, HELP and values; each is
 * scraped twice, alternately, and a value that changes between one's two scrapes is not compared
 * ({@link OutputComparison}). A few series a user sees are also asserted exactly, on both outputs,
 * so that two empty outputs cannot pass.
 *
 * <p>The demo app runs once per configuration file of {@code src/test/resources/jmx-exporter}: the
 * catch-all rule, no rules at all (jmx_exporter's default rule), a rules file with each feature of
 * the rules, one with their edge cases (suffixes, escapes, {@code $0}, mixed types, values that do
 * not parse), and the MBeans chosen with include and exclude lists, old names and new. Tomcat's own
 * distribution runs once with the community's {@code tomcat.yml}, copied unchanged from
 * jmx_exporter's {@code example_configs/tomcat.yml} at tag 1.0.1 (commit 328d8a36c), and once with
 * the catch-all, after requests to its bundled applications.
 */
class JmxExporterDropInIT {
  private static final Path JMX_AGENT = Paths.get(System.getProperty("jmx.agent.jar"));

  /** Families of the agents themselves, not of the configuration's rules. */
  private static final List<String> OWN_FAMILIES =
      List.of("jvm_", "process_", "jmx_", "http_server_", "status_exporter_");

  /**
   * Attributes whose value depends on who reads them: the CPU load since the previous reading,
   * whoever made it, the reading thread's own CPU time and allocations, and the non-nmethods code
   * heap, whose adapters and stubs come and go with the code each scrape's thread just ran (seen in
   * CI alternating with the scrapes: 1,251,840 in both of jmx_exporter's, 1,258,624 in both of
   * ours). Matched in series names in any case, as the default format or a lowercasing rule names
   * them.
   */
  private static final Pattern READER_DEPENDENT =
      Pattern.compile("(?i).*(cpuload|currentthread|codeheap_non_nmethods).*");

  /**
   * A young generation that the scrapes do not fill: with no collection during them, what a scrape
   * allocates only grows the memory in use, which the comparison then leaves out, rather than
   * making it go up and down in step with the alternating scrapes (jmx_exporter allocates several
   * MiB per scrape). And class metadata that does not start a collection either. G1 whatever the
   * machine, for the collectors and pools the assertions name.
   */
  private static final List<String> NO_COLLECTION_WHILE_SCRAPED =
      List.of("-XX:+UseG1GC", "-Xms1g", "-Xmn768m", "-XX:MetaspaceSize=256m");

  @Nested
  class CatchAll extends DemoApp {
    CatchAll() {
      super("catch-all.yaml");
    }

    /** A full collection, so that each collector's LastGcInfo (tables in a composite) is read. */
    @Override
    void beforeScrapes() throws IOException, InterruptedException {
      assertThat(process.jcmd("GC.run")).contains("Command executed successfully");
    }

    @Test
    void eachAttributeIsASeriesInTheDefaultFormat() {
      assertFamily(
          "java_lang_Memory_HeapMemoryUsage_max",
          "untyped",
          "java.lang.management.MemoryUsage java.lang:name=null,type=Memory,attribute=max",
          "java_lang_Memory_HeapMemoryUsage_max");
      assertFamily(
          "demo_Status_PendingRequests",
          "untyped",
          "demo:name=null,type=Status,attribute=PendingRequests",
          "demo_Status_PendingRequests");
      assertValue("demo_Status_PendingRequests", 0.0);
      assertValue("java_lang_Threading_ThreadCpuTimeEnabled", 1.0);
      assertFamily(
          "java_nio_direct_Count",
          "untyped",
          "java.nio:name=direct,type=BufferPool,attribute=Count",
          "java_nio_direct_Count{type=\"BufferPool\"}");
      // A table (index column "key") in a composite, with the composite type's description.
      assertFamily(
          "java_lang_G1_Old_Generation_LastGcInfo_id",
          "untyped",
          "CompositeType for GC info for G1 Old Generation"
              + " java.lang:name=G1 Old Generation,type=GarbageCollector,attribute=id",
          "java_lang_G1_Old_Generation_LastGcInfo_id{type=\"GarbageCollector\"}");
      assertValue(
          "java_lang_G1_Old_Generation_LastGcInfo_memoryUsageAfterGc_max"
              + "{key=\"G1 Eden Space\",type=\"GarbageCollector\"}",
          -1.0);
      // A string attribute has no series; the Runtime's long lists are not read.
      assertNoFamilyStartingWith("demo_Status_Health");
      assertNoFamilyStartingWith("java_lang_Runtime_SystemProperties");
    }
  }

  @Nested
  class NoRules extends DemoApp {
    NoRules() {
      super("no-rules.yaml");
    }

    @Test
    void theDefaultRuleIsTheCatchAll() {
      assertFamily(
          "java_lang_Memory_HeapMemoryUsage_max",
          "untyped",
          "java.lang.management.MemoryUsage java.lang:name=null,type=Memory,attribute=max",
          "java_lang_Memory_HeapMemoryUsage_max");
      assertValue("demo_Status_CurrentRequests", 0.0);
    }
  }

  @Nested
  class Rules extends DemoApp {
    Rules() {
      super("rules.yaml");
    }

    @Test
    void namedGroupsNameTheSeriesAndTheirLabelsLowercased() {
      assertFamily(
          "java_memory_max_bytes",
          "gauge",
          "Memory max, from java.lang:type=Memory",
          "java_memory_max_bytes{area=\"Heap\"}",
          "java_memory_max_bytes{area=\"NonHeap\"}");
      assertValue("java_memory_max_bytes{area=\"NonHeap\"}", -1.0);
    }

    @Test
    void aLabelWhoseValueIsEmptyIsLeftOut() {
      for (ExpositionText output : outputs()) {
        assertThat(output.families()).as(which(output)).containsKey("java_memory_pool_used_bytes");
        assertThat(output.family("java_memory_pool_used_bytes").series())
            .as(which(output))
            .containsKeys(
                "java_memory_pool_used_bytes{pool=\"Metaspace\"}",
                "java_memory_pool_used_bytes{code_heap=\"non-nmethods\","
                    + "pool=\"CodeHeap 'non-nmethods'\"}");
      }
    }

    @Test
    void countersGetOneTotalSuffixAndValueFactorScales() {
      assertFamily(
          "java_gc_young_collections_total",
          "counter",
          "java.lang:name=G1 Young Generation,type=GarbageCollector,attribute=CollectionCount",
          "java_gc_young_collections_total");
      for (ExpositionText output : outputs()) {
        assertThat(output.families())
            .as(which(output))
            .containsKey("java_gc_collection_seconds_total");
        assertThat(output.family("java_gc_collection_seconds_total").type())
            .as(which(output))
            .isEqualTo("counter");
        assertThat(output.family("java_gc_collection_seconds_total").series())
            .as(which(output))
            .containsKey("java_gc_collection_seconds_total{gc=\"G1 Young Generation\"}");
      }
    }

    @Test
    void snakeCaseBooleansAndTheDefaultFormatBehindARule() {
      assertFamily(
          "java_threads_thread_count",
          "gauge",
          "Threads, from java.lang:type=Threading",
          "java_threads_thread_count");
      // A boolean is 1 whatever the valueFactor.
      assertValue("java_threads_threadcputime_enabled", 1.0);
      assertFamily(
          "java_lang_classloading_verbose",
          "gauge",
          "java.lang:name=null,type=ClassLoading,attribute=Verbose",
          "java_lang_classloading_verbose");
    }

    @Test
    void collidingSeriesEmptyNamesAndTypesInLowerCase() {
      assertFamily(
          "java_classes_loaded",
          "gauge",
          "Classes loaded, now and ever",
          "java_classes_loaded{_objectname=\"java.lang<type=ClassLoading><>LoadedClassCount\"}",
          "java_classes_loaded{_objectname=\"java.lang<type=ClassLoading><>TotalLoadedClassCount\"}");
      assertFamily(
          "java_compilation_time_monitored",
          "untyped",
          "Whether compilation time is measured",
          "java_compilation_time_monitored");
      // TotalCompilationTime's name came out empty: not even the catch-all's.
      assertNoFamilyStartingWith("java_lang_compilation_");
    }

    @Test
    void valuesFromTheRuleOrFromAStringAttribute() throws IOException {
      String version = JavaProcess.javaVersion();
      int feature = Integer.parseInt(version.split("[.+-]")[0]);
      assertValue("java_runtime_spec_version", feature);
      assertFamily("java_os", "untyped", null, "java_os{os=\"Linux\"}");
      assertValue("java_os{os=\"Linux\"}", 1.0);
      assertFamily(
          "demo_requests",
          "gauge",
          "Requests of the demo app, from its MXBean demo:type=Status",
          "demo_requests{state=\"Current\"}",
          "demo_requests{state=\"Pending\"}");
      // Health is not a number: dropped by the first rule, the second never tried.
      assertNoFamilyStartingWith("demo_health");
    }
  }

  @Nested
  class RulesEdgeCases extends DemoApp {
    RulesEdgeCases() {
      super("rules-edge-cases.yaml");
    }

    @Test
    void suffixesComeOffEveryNameAndMixedTypesAreUntyped() {
      assertFamily("edge_gauge", "gauge", null, "edge_gauge");
      assertFamily("edge_x", "untyped", null, "edge_x");
      assertFamily("edge", "untyped", null, "edge");
      assertFamily("edge_untyped", "untyped", null, "edge_untyped");
      assertFamily("edge_mixed", "untyped", "mixed", "edge_mixed{p=\"a\"}", "edge_mixed{p=\"b\"}");
      assertFamily("_1_Count_x", "untyped", null, "_1_Count_x");
      assertFamily(
          "edge_mapped_non_volatile_memory_", "untyped", null, "edge_mapped_non_volatile_memory_");
    }

    @Test
    void replacementsInHelpLabelsAndValues() throws IOException {
      assertFamily(
          "edge_help",
          "untyped",
          "a  backslash, \"quotes\", java.lang<type=Memory><>ObjectPendingFinalizationCount: 0",
          "edge_help");
      assertValue("edge_vm{vm_name=\"\\\"OpenJDK 64-Bit Server VM\\\"  x\"}", 1.0);
      assertFamily(
          "edge_lower_Total", "untyped", null, "edge_lower_Total{Upper=\"A\",lower=\"b\"}");
      int feature = Integer.parseInt(JavaProcess.javaVersion().split("[.+-]")[0]);
      assertValue("edge_spec_scaled", feature * 0.5);
      assertValue("edge_negative", 2.5);
      for (ExpositionText output : outputs()) {
        assertThat(output.family("edge_whole").series().keySet())
            .as(which(output))
            .singleElement()
            .asString()
            .startsWith(
                "edge_whole{input=\"java.lang<type=OperatingSystem><>AvailableProcessors: ");
      }
      assertNoFamilyStartingWith("edge_health");
      assertNoFamilyStartingWith("edge_compilation");
    }
  }

  @Nested
  class IncludeExclude extends DemoApp {
    IncludeExclude() {
      super("include-exclude.yaml");
    }

    @Test
    void onlyTheIncludedMBeansAndAttributesAreRead() {
      for (ExpositionText output : outputs()) {
        assertThat(output.families())
            .as(which(output))
            .containsKeys(
                "java_lang_Memory_HeapMemoryUsage_used",
                "java_lang_Compressed_Class_Space_Usage_used",
                "java_nio_direct_Count",
                "demo_Status_CurrentRequests")
            .doesNotContainKeys(
                "java_lang_Memory_NonHeapMemoryUsage_used",
                "java_lang_Memory_ObjectPendingFinalizationCount",
                "java_lang_Metaspace_Usage_used",
                "java_nio_mapped_Count",
                "demo_Status_TotalUptime");
      }
      // Not included, though in the whitelist that includeObjectNames replaces.
      assertNoFamilyStartingWith("java_lang_Threading_");
      assertNoFamilyStartingWith("java_lang_Runtime_");
    }
  }

  @Nested
  class WhitelistBlacklist extends DemoApp {
    WhitelistBlacklist() {
      super("whitelist-blacklist.yaml");
    }

    @Test
    void theOldNamesChooseTheMBeans() {
      assertValue("demo_Status_CurrentRequests", 0.0);
      for (ExpositionText output : outputs()) {
        assertThat(output.families())
            .as(which(output))
            .containsKey("java_lang_Threading_ThreadCount");
      }
      assertNoFamilyStartingWith("java_lang_ClassLoading_");
      assertNoFamilyStartingWith("java_lang_Memory_");
      assertNoFamilyStartingWith("java_nio_");
    }
  }

  @Nested
  class TomcatWithTheCommunitysRules extends Tomcat {
    TomcatWithTheCommunitysRules() {
      super("tomcat.yml");
    }

    @Test
    void theRequestsAndServletsAreCounted() {
      String connector = "{port=\"" + appPort + "\",protocol=\"http-nio\"}";
      assertFamily(
          "tomcat_requestcount_total",
          "counter",
          "Tomcat global requestCount",
          "tomcat_requestcount_total" + connector);
      for (ExpositionText output : outputs()) {
        assertThat(output.value("tomcat_requestcount_total" + connector))
            .as(which(output))
            .isGreaterThanOrEqualTo(REQUESTS.size());
      }
      assertValue(
          "tomcat_serverinfo_total{serverinfo=\"Apache Tomcat/"
              + TomcatDistribution.version()
              + "\"}",
          1.0);
      assertValue("tomcat_threadpool_maxthreads" + connector, 200.0);
      assertValue(
          "tomcat_servlet_requestcount_total{module=\"localhost/examples\",servlet=\"jsp\"}", 3.0);
    }
  }

  @Nested
  class TomcatWithTheCatchAll extends Tomcat {
    TomcatWithTheCatchAll() {
      super("catch-all.yaml");
    }

    @Test
    void quotedNamesKeepTheirQuotes() {
      for (ExpositionText output : outputs()) {
        assertThat(
                output.value(
                    "Catalina_GlobalRequestProcessor_requestCount{name=\"\\\"http-nio-"
                        + appPort
                        + "\\\"\"}"))
            .as(which(output))
            .isGreaterThanOrEqualTo(REQUESTS.size());
      }
    }

    @Test
    void anMBeanRegisteredAfterTheFirstScrapeIsRead() {
      // Tomcat registers a request processor's MBean with its first request: after both agents'
      // first scrapes.
      for (ExpositionText output : outputs()) {
        assertThat(output.family("Catalina_RequestProcessor_requestCount").series().keySet())
            .as(which(output))
            .contains(
                "Catalina_RequestProcessor_requestCount{name=\"HttpRequest1\",worker=\"\\\"http-nio-"
                    + appPort
                    + "\\\"\"}");
      }
    }
  }

  /** The demo app with both agents on one configuration file. */
  abstract static class DemoApp extends BothAgents {
    private final int appPort = Http.freePort();

    DemoApp(String config) {
      super(config);
    }

    @Override
    JavaProcess launch(List<String> options) throws IOException {
      List<String> arguments = new ArrayList<>(options);
      arguments.addAll(
          List.of("-jar", JavaProcess.DEMO_JAR.toString(), "--port", String.valueOf(appPort)));
      JavaProcess app = JavaProcess.start(arguments, Map.of());
      app.awaitStdout(line -> line.startsWith("demo-app ready"), Duration.ofSeconds(30));
      return app;
    }

    @Test
    void neitherAgentReportsAnError() {
      assertThat(process.stderr())
          .noneMatch(line -> line.contains("Exception") || line.contains("SEVERE"));
    }
  }

  /**
   * Tomcat's distribution started with {@code bin/catalina.sh run}, both agents in CATALINA_OPTS,
   * after requests to its bundled applications, so that their counters are not all 0. Run on the
   * first JDK only: Tomcat's MBeans are the same on every JDK, and the JDK's own (which differ) are
   * compared on the demo app on both; two Tomcat launches are ~40 s of CI.
   */
  @Tag("first-jdk-only")
  abstract static class Tomcat extends BothAgents {
    /** Three JSPs of the examples and the root's page. */
    static final List<String> REQUESTS =
        List.of(
            "/",
            "/examples/jsp/dates/date.jsp",
            "/examples/jsp/num/numguess.jsp",
            "/examples/jsp/num/numguess.jsp?guess=50");

    final int appPort = Http.freePort();
    private Path base;

    Tomcat(String config) {
      super(config);
    }

    @Override
    JavaProcess launch(List<String> options) throws IOException {
      base = TomcatDistribution.copy(appPort, server -> server);
      return TomcatDistribution.startWithout(base, String.join(" ", options), Map.of(), "run");
    }

    @Override
    void beforeScrapes() {
      for (String path : REQUESTS) {
        // Tomcat compiles a JSP on its first request: seconds on a busy machine.
        assertThat(
                Http.get("http://localhost:" + appPort + path, null, Duration.ofSeconds(60))
                    .statusCode())
            .isEqualTo(200);
      }
    }

    @Override
    void cleanUp() throws IOException {
      if (base != null) {
        TomcatDistribution.delete(base);
      }
    }
  }

  /**
   * One JVM with jmx_exporter's agent and ours on the same file, launched once for the tests of a
   * nested class, and four scrapes: jmx_exporter's, ours, jmx_exporter's, ours.
   */
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  abstract static class BothAgents {
    private final Path config;
    private final int theirPort = Http.freePort();
    private final int ourPort = Http.freePort();
    JavaProcess process;
    private ExpositionText theirs;
    private ExpositionText ours;
    private ExpositionText theirsAgain;
    private ExpositionText oursAgain;

    BothAgents(String config) {
      this.config = resource(config);
    }

    /** Launches the application with these options of its JVM, both agents among them. */
    abstract JavaProcess launch(List<String> options) throws IOException;

    /** What the application is to do once both agents serve, before the scrapes compared. */
    void beforeScrapes() throws IOException, InterruptedException {}

    void cleanUp() throws IOException {}

    @BeforeAll
    void launchAndScrape() throws IOException, InterruptedException {
      // jmx_exporter's first, as OtherAgentsIT has it; the flag a user changes is the same but
      // for the jar's name.
      List<String> options = new ArrayList<>(NO_COLLECTION_WHILE_SCRAPED);
      options.add("-javaagent:" + JMX_AGENT + "=" + theirPort + ":" + config);
      options.add("-javaagent:" + JavaProcess.AGENT_JAR + "=" + ourPort + ":" + config);
      process = launch(options);
      // A first scrape of each, so that what a first scrape loads or starts is there for both.
      awaitJmxSeries(theirPort);
      awaitJmxSeries(ourPort);
      // Ours three times more, so that the scrapes compared are written from the families it keeps
      // between scrapes (one that is the same for three scrapes is copied, not written again).
      for (int i = 0; i < 3; i++) {
        Scrape.of(ourPort);
      }
      beforeScrapes();
      theirs = jmxSeries(theirPort, "theirs");
      ours = jmxSeries(ourPort, "ours");
      theirsAgain = jmxSeries(theirPort, "theirs-again");
      oursAgain = jmxSeries(ourPort, "ours-again");
    }

    @AfterAll
    void stop() throws InterruptedException, IOException {
      if (process != null) {
        process.close();
      }
      cleanUp();
    }

    @Test
    void oursHasJmxExportersSeriesTypesHelpAndValues() {
      assertThat(theirs.families()).isNotEmpty();
      new OutputComparison(
              theirs, ours, theirsAgain, oursAgain, READER_DEPENDENT.asMatchPredicate())
          .assertSame();
    }

    /** jmx_exporter's output and ours, for assertions that must hold on both. */
    List<ExpositionText> outputs() {
      return List.of(theirs, ours);
    }

    /**
     * Asserts on both outputs that {@code name} has this type, help (unless null) and exactly these
     * series.
     */
    void assertFamily(String name, String type, String help, String... series) {
      for (ExpositionText output : outputs()) {
        ExpositionText.Family family = output.family(name);
        String which = which(output) + ": " + name;
        assertThat(family).as(which).isNotNull();
        assertThat(family.type()).as(which).isEqualTo(type);
        if (help != null) {
          assertThat(family.help()).as(which).isEqualTo(help);
        }
        assertThat(family.series().keySet()).as(which).containsExactlyInAnyOrder(series);
      }
    }

    void assertValue(String series, double value) {
      for (ExpositionText output : outputs()) {
        assertThat(output.value(series)).as(which(output) + ": " + series).isEqualTo(value);
      }
    }

    void assertNoFamilyStartingWith(String prefix) {
      for (ExpositionText output : outputs()) {
        assertThat(output.families().keySet())
            .as(which(output))
            .noneMatch(name -> name.startsWith(prefix));
      }
    }

    /**
     * Waits until the agent on {@code port} serves the rules' series: ours registers them after its
     * JVM metrics, a few hundred milliseconds after it starts serving.
     */
    private static void awaitJmxSeries(int port) {
      Wait.until(
          "the JMX self-metrics on port " + port,
          Duration.ofSeconds(30),
          () -> Scrape.of(port).hasFamily("jmx_scrape_error") ? port : null);
    }

    /** Which output, for assertions' messages. */
    String which(ExpositionText output) {
      return output == theirs ? "jmx_exporter's output" : "our output";
    }

    /**
     * The families of one scrape that come from the configuration's rules. The whole scrape is kept
     * in {@code target/jmx-exporter-drop-in/}, to read beside a failure's differences.
     */
    private ExpositionText jmxSeries(int port, String which) throws IOException {
      String text = Scrape.of(port).text;
      Path directory = Files.createDirectories(Paths.get("target", "jmx-exporter-drop-in"));
      Files.writeString(directory.resolve(getClass().getSimpleName() + "-" + which + ".txt"), text);
      return ExpositionText.parse(text)
          .filtered(name -> OWN_FAMILIES.stream().noneMatch(name::startsWith));
    }
  }

  private static Path resource(String name) {
    try {
      return Paths.get(JmxExporterDropInIT.class.getResource("/jmx-exporter/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
