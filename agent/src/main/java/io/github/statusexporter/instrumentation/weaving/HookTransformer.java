package io.github.statusexporter.instrumentation.weaving;

import io.github.statusexporter.instrumentation.ApplicationStart;
import io.github.statusexporter.instrumentation.MeasuredServers;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.net.URL;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Weaves the few classes of servers and frameworks the agent hooks, found by name, once the
 * application has started ({@link ApplicationStart}) and the agent serves: weaving loads byte-buddy
 * (~800 classes, ~0.3 s of CPU here), which on the container's thread delayed its start by ~0.5 s,
 * and beside it by ~0.3 s. The hooked classes loaded by then are retransformed at once; the
 * transformer, installed only then (so that the JVM does not hand it every class of the
 * application's start, nor the agent's own), weaves those loaded later as they are defined. It
 * costs nothing in applications without a hooked class, which never load byte-buddy at all. Even
 * the hooks are made only then ({@link Catalog}).
 */
public final class HookTransformer implements ClassFileTransformer {
  /**
   * The hooks and the known servers, asked for once the application has started: declaring them
   * loads their catalog classes (the advice they name stays unloaded until woven), which nothing
   * needs before then.
   */
  public interface Catalog {
    List<Hook> hooks();

    List<KnownServer> known();
  }

  private final Instrumentation instrumentation;
  private final Hook[] hooks;
  private final KnownServer[] known;

  /**
   * A server found that cannot be hooked is said in one line, and shown, by {@link
   * MeasuredServers#notMeasured}.
   *
   * @param known the servers whose versions are checked as they are found
   */
  HookTransformer(Instrumentation instrumentation, List<Hook> hooks, List<KnownServer> known) {
    this.instrumentation = instrumentation;
    this.hooks = hooks.toArray(new Hook[0]);
    this.known = known.toArray(new KnownServer[0]);
  }

  /**
   * Installs it, on a thread of its own: to be called once the application has started ({@link
   * ApplicationStart}) and the agent's own start has loaded its classes. The hooked classes loaded
   * before then (also when the agent is attached to a running JVM) are woven by retransformation at
   * once, those loaded later as they load.
   */
  public static void install(
      Instrumentation instrumentation, Catalog catalog, Consumer<String> log) {
    // Until the application has started, no transformer at all: the JVM calls one with a copy of
    // every class file it loads, ~130 ms of Spring Boot 3's main thread for a transformer that does
    // nothing. The hooked classes loaded by then are found among the loaded ones afterwards.
    PendingWeaves.add();
    Thread thread =
        new Thread(new AfterStart(instrumentation, catalog, log), "status-exporter-instrument");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public byte[] transform(
      ClassLoader loader,
      String className,
      Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain,
      byte[] classFile) {
    if (className == null || loader == null) {
      return null;
    }
    Hook hook = hookOf(className);
    if (hook == null) {
      for (KnownServer server : known) {
        if (server.isMarker(className)) {
          measures(
              server.server(), versionOf(server, loader, server.markerClass(), protectionDomain));
        }
      }
      return null;
    }
    try {
      String version =
          versionOf(knownAs(hook.server()), loader, hook.className(), protectionDomain);
      if (!measures(hook.server(), version)) {
        return null; // said by measures: a version whose classes may differ is left alone
      }
      if (seesAgent(hook, loader)) {
        // Installed only once the application has started, it weaves a class as it is defined,
        // on the thread that loads it: the request that made a framework load its hooked class
        // (Jersey loads ResourceMethodInvoker at its first request) is recorded too, and no request
        // can pass a server's woven beginning and an unwoven end. The first weave, on whichever
        // thread, loads byte-buddy (WeaverJar). Also when another agent retransforms it.
        byte[] woven = WeaverJar.weaver().weave(hook, loader, classFile);
        MeasuredServers.measured(hook.server(), version);
        return woven;
      }
      if (classBeingRedefined == null) {
        cannotLink(hook);
      }
    } catch (Throwable e) {
      MeasuredServers.notMeasured(hook.server(), String.valueOf(e));
    }
    return null;
  }

  /** Says once why a server the application loaded is not measured. */
  private static void cannotLink(Hook hook) {
    MeasuredServers.notMeasured(
        hook.server(),
        "its class loader does not see the agent's classes (a module system such as OSGi or JBoss"
            + " Modules?)");
  }

  /**
   * True unless {@code server} is one the agent knows in versions other than this one, which it
   * then says once: their classes may have moved or changed, and are left alone.
   */
  /** The known server of that name, or null. */
  private KnownServer knownAs(String server) {
    for (KnownServer known : known) {
      if (known.server().equals(server)) {
        return known;
      }
    }
    return null;
  }

  private static String versionOf(
      KnownServer server, ClassLoader loader, String className, ProtectionDomain domain) {
    return ServerVersion.of(
        loader, className, domain, server == null ? null : server.mavenArtifact());
  }

  private boolean measures(String server, String version) {
    for (KnownServer known : known) {
      if (known.server().equals(server) && !known.measures(version)) {
        MeasuredServers.notMeasured(
            server + " " + version,
            "the agent measures versions " + known.versionsMeasured() + " only");
        return false;
      }
    }
    return true;
  }

  /** Called for every class the JVM loads: a few string comparisons, nothing more. */
  private Hook hookOf(String internalName) {
    for (Hook hook : hooks) {
      if (hook.hooks(internalName)) {
        return hook;
      }
    }
    return null;
  }

  /** True if the hooked class's loader finds the agent class its advice calls, loading none. */
  private static boolean seesAgent(Hook hook, ClassLoader hookedLoader) {
    URL theirs = hookedLoader.getResource(hook.callsResource());
    URL mine = HookTransformer.class.getClassLoader().getResource(hook.callsResource());
    // By text: URL.equals may resolve host names.
    return theirs != null && mine != null && theirs.toExternalForm().equals(mine.toExternalForm());
  }

  /** The hook of a loaded class, by its binary name. */
  private Hook hookOfLoaded(Class<?> loaded) {
    for (Hook hook : hooks) {
      if (hook.className().equals(loaded.getName())) {
        return hook;
      }
    }
    return null;
  }

  /**
   * Installs the transformer for the classes loaded from now on, and weaves the hooked classes
   * already loaded. A class loaded in between is seen by both and woven twice, which comes to the
   * same: retransformation starts from the class's original bytes.
   */
  private void weaveFromNow() {
    instrumentation.addTransformer(this, true);
    List<Class<?>> woven = new ArrayList<>();
    for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
      if (loaded.getClassLoader() == null) {
        continue;
      }
      Hook hook = hookOfLoaded(loaded);
      if (hook != null) {
        if (seesAgent(hook, loaded.getClassLoader())) {
          woven.add(loaded);
        } else {
          cannotLink(hook);
        }
      }
      for (KnownServer server : known) {
        if (server.markerClass().equals(loaded.getName())) {
          ClassLoader loader = loaded.getClassLoader();
          measures(
              server.server(),
              versionOf(server, loader, loaded.getName(), loaded.getProtectionDomain()));
        }
      }
    }
    weaveTogether(woven);
  }

  /**
   * One retransformation for them all, which the JVM applies to all at once: a server's requests go
   * on meanwhile, and one that began in a class already woven (Vert.x's request) must not end in
   * one not woven yet (its connection), or it would stay active for ever.
   */
  private void weaveTogether(List<Class<?>> loaded) {
    if (loaded.isEmpty()) {
      return;
    }
    try {
      instrumentation.retransformClasses(loaded.toArray(new Class<?>[0]));
    } catch (Throwable e) {
      // One of them cannot be retransformed, and then none was: each on its own, to say which.
      for (Class<?> one : loaded) {
        weaveLoaded(hookOfLoaded(one), one);
      }
    }
  }

  private void weaveLoaded(Hook hook, Class<?> loaded) {
    try {
      instrumentation.retransformClasses(loaded);
    } catch (Throwable e) {
      MeasuredServers.notMeasured(hook.server(), String.valueOf(e));
    }
  }

  /** Makes the hooks, and weaves from then on. */
  private static final class AfterStart implements Runnable {
    private final Instrumentation instrumentation;
    private final Catalog catalog;
    private final Consumer<String> log;

    AfterStart(Instrumentation instrumentation, Catalog catalog, Consumer<String> log) {
      this.instrumentation = instrumentation;
      this.catalog = catalog;
      this.log = log;
    }

    @Override
    public void run() {
      try {
        new HookTransformer(instrumentation, catalog.hooks(), catalog.known()).weaveFromNow();
      } catch (Throwable e) {
        log.accept("no request metrics for servers loaded before the agent's start: " + e);
      } finally {
        PendingWeaves.done();
      }
    }
  }
}
