package io.github.statusexporter.instrumentation.jdk;

import java.lang.reflect.Field;
import java.util.function.Function;

/**
 * A thread's {@code Runnable}: the field {@code target} up to Java 18, {@code holder.task} from
 * Java 19 on. Reading it needs {@code java.lang} open to this class's module, and {@link
 * IsolatedThreadTasks} loads it alone, in a class loader of its own, to open it to that loader's
 * module only: the agent attached to a running JVM shares the application's class path, whose code
 * should not gain access to {@code java.lang}'s internals because the agent came. It uses only
 * {@code java.base}, so that it links there.
 */
public final class ThreadTasks implements Function<Thread, Object> {
  private final Field holder;
  private final Field task;

  public ThreadTasks() throws ReflectiveOperationException {
    Field target = field(Thread.class, "target");
    if (target != null) {
      holder = null;
      task = target;
    } else {
      holder = field(Thread.class, "holder");
      if (holder == null) {
        throw new NoSuchFieldException("neither Thread.target nor Thread.holder");
      }
      task = field(holder.getType(), "task");
      if (task == null) {
        throw new NoSuchFieldException("Thread.holder.task");
      }
    }
  }

  @Override
  public Object apply(Thread thread) {
    try {
      Object owner = holder == null ? thread : holder.get(thread);
      return owner == null ? null : task.get(owner);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Field field(Class<?> type, String name) {
    for (Field field : type.getDeclaredFields()) {
      if (field.getName().equals(name)) {
        field.setAccessible(true);
        return field;
      }
    }
    return null;
  }
}
