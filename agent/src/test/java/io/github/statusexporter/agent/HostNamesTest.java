package io.github.statusexporter.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostNamesTest {
  @Test
  void anIpv6AddressIsBracketedInAUrl() {
    assertThat(HostNames.inUrl("::1")).isEqualTo("[::1]");
    assertThat(HostNames.inUrl("[::1]")).isEqualTo("[::1]");
    assertThat(HostNames.inUrl("127.0.0.1")).isEqualTo("127.0.0.1");
    assertThat(HostNames.inUrl("localhost")).isEqualTo("localhost");
  }

  @Test
  void loopbackAndWildcardAddressesAreThisMachines() {
    assertThat(HostNames.isOfThisMachine("127.0.0.1")).isTrue();
    assertThat(HostNames.isOfThisMachine("::1")).isTrue();
    assertThat(HostNames.isOfThisMachine("0.0.0.0")).isTrue();
    assertThat(HostNames.isOfThisMachine("localhost")).isTrue();
  }

  @Test
  void anAddressOfNoInterfaceHereIsNot() {
    // TEST-NET-1 and the IPv6 documentation prefix: never assigned to a real interface.
    assertThat(HostNames.isOfThisMachine("192.0.2.1")).isFalse();
    assertThat(HostNames.isOfThisMachine("2001:db8::1")).isFalse();
  }

  @Test
  void aNameThatDoesNotResolveIsNotBlamedOnTheHost() {
    assertThat(HostNames.isOfThisMachine("no-such-host.invalid")).isTrue();
  }
}
