package io.github.statusexporter.it;

import java.util.logging.LogManager;

/**
 * An application server's own log manager, like JBoss's: the test puts it where only the
 * application's module loader finds it, not on the class path.
 */
public class LateLogManager extends LogManager {
  public LateLogManager() {
    super();
  }
}
