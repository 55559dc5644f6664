package dev.supervisor.auth.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientAddressTest {
    private final ClientAddress resolver = ClientAddress.trusting(List.of(Cidr.parse("10.0.0.0/8"),
            Cidr.parse("2001:db8:ffff::/48")));

    @Test
    void resolve_untrustedPeer_ignoresForwardedFor() {
        assertThat(resolver.resolve("203.0.113.9", "1.2.3.4")).isEqualTo("203.0.113.9");
    }

    @Test
    void resolve_trustedProxy_takesTheRightmostUntrustedHop() {
        assertThat(resolver.resolve("10.1.2.3", "6.6.6.6, 198.51.100.7, 10.9.9.9")).isEqualTo("198.51.100.7");
    }

    @Test
    void resolve_malformedChainFromTrustedProxy_fallsBackToThePeer() {
        assertThat(resolver.resolve("10.1.2.3", "evil.example, 198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(resolver.resolve("10.1.2.3", "198.51.100.7, not-an-ip")).isEqualTo("10.1.2.3");
    }

    @Test
    void blockKey_ipv6_isThe64Network_andIpv4MappedIsIpv4() {
        assertThat(IpAddresses.blockKey("2001:db8:1:2:aaaa::1")).isEqualTo(IpAddresses.blockKey("2001:db8:1:2::ffff"))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(IpAddresses.blockKey("2001:db8:1:3::1")).isNotEqualTo(IpAddresses.blockKey("2001:db8:1:2::1"));
        assertThat(IpAddresses.blockKey("::ffff:192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(IpAddresses.blockKey("[::1]")).isEqualTo("0:0:0:0::/64");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "example.com", "01.2.3.4", "1.2.3", "256.1.1.1", "1.2.3.4.5", "0x7f.0.0.1",
        "", " ", "1.2.3.4/8", "::g"})
    void parse_nonLiterals_areRejectedWithoutAnyLookup(String text) {
        assertThatThrownBy(() -> IpAddresses.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an IP address");
    }

    @Test
    void cidr_containsByPrefix() {
        assertThat(Cidr.parse("192.168.0.0/23").contains("192.168.1.200")).isTrue();
        assertThat(Cidr.parse("192.168.0.0/23").contains("192.168.2.1")).isFalse();
        assertThat(Cidr.parse("2001:db8::/32").contains("2001:db8:1234::1")).isTrue();
        assertThat(Cidr.parse("2001:db8::/32").contains("10.0.0.1")).isFalse();
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).hasMessageContaining("must be in [0, 32]");
    }
}
