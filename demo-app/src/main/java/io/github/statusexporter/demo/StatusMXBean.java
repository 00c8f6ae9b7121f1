package io.github.statusexporter.demo;

/** The demo app's status as the MXBean {@code demo:type=Status}. */
public interface StatusMXBean {
  int getCurrentRequests();

  int getPendingRequests();

  double getTotalUptime();

  String getHealth();
}
