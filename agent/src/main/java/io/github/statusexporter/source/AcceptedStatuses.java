package io.github.statusexporter.source;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The HTTP statuses whose JSON body an HTTP source reads, as json_exporter's {@code
 * valid_status_codes}. By default 200, and the 503 and 500 with which health endpoints report
 * trouble in a JSON body: Spring Boot Actuator and MicroProfile (SmallRye) Health answer 503 when
 * DOWN, Dropwizard's health checks 500 when unhealthy; exactly then their state must be exported.
 */
public final class AcceptedStatuses {
  public static final AcceptedStatuses DEFAULT = new AcceptedStatuses(Set.of(200, 500, 503));

  private final Set<Integer> statuses;

  private AcceptedStatuses(Set<Integer> statuses) {
    this.statuses = Set.copyOf(statuses);
  }

  /** The statuses a mapping file gives: each of 100 to 599, at least one. */
  public static AcceptedStatuses of(Set<Integer> statuses) {
    if (statuses.isEmpty() || statuses.stream().anyMatch(s -> s < 100 || s > 599)) {
      throw new IllegalArgumentException("statuses must be 100 to 599, at least one: " + statuses);
    }
    return new AcceptedStatuses(statuses);
  }

  boolean accepts(int status) {
    return statuses.contains(status);
  }

  /** "200, 500, 503", for messages. */
  String describe() {
    return new TreeSet<>(statuses).stream().map(String::valueOf).collect(Collectors.joining(", "));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AcceptedStatuses
        && ((AcceptedStatuses) other).statuses.equals(statuses);
  }

  @Override
  public int hashCode() {
    return statuses.hashCode();
  }
}
