package io.github.statusexporter.instrumentation.weaving;

/**
 * A method of a hooked class, by name and number of parameters, and the advice woven into it.
 * Public, with its accessors, for the {@link Weaver} in the agent's inner jar.
 */
public final class Advised {
  private final String advice;
  private final String method;
  private final int parameterCount;

  /**
   * @param advice the binary name of a class of byte-buddy {@code @Advice.OnMethodEnter}/{@code
   *     OnMethodExit} methods, inlined into the method (read as a class file, never loaded): it may
   *     name only types the hooked class's loader sees, so it calls the agent through static
   *     methods taking {@code Object}s
   */
  public Advised(String advice, String method, int parameterCount) {
    this.advice = advice;
    this.method = method;
    this.parameterCount = parameterCount;
  }

  /** The binary name of the advice class. */
  public String advice() {
    return advice;
  }

  /** The name of the method it is woven into. */
  public String method() {
    return method;
  }

  /** How many parameters that method takes. */
  public int parameterCount() {
    return parameterCount;
  }
}
