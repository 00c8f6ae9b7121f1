package io.github.statusexporter.agent;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;

/** The {@code host} option as the agent's messages show it. */
final class HostNames {
  private HostNames() {}

  /** The host as a URL holds it: an IPv6 address in brackets ({@code http://[::1]:9877}). */
  static String inUrl(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  /**
   * False only when the host is known not to be an address of this machine, as when a host's
   * address was copied from another one: binding to it fails with "Cannot assign requested
   * address", which is no fault of the port.
   */
  static boolean isOfThisMachine(String host) {
    try {
      InetAddress address = InetAddress.getByName(host);
      return address.isAnyLocalAddress()
          || address.isLoopbackAddress()
          || NetworkInterface.getByInetAddress(address) != null;
    } catch (IOException | RuntimeException e) {
      return true; // cannot tell: the message then names the port, as before
    }
  }
}
