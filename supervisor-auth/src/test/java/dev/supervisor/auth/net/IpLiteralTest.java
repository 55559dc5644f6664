package dev.supervisor.auth.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only real IP literals parse; nothing becomes the local host. */
class IpLiteralTest {

    @ParameterizedTest
    @ValueSource(strings = {"%:", "%eth0", "[%:]", ":", "%::", ".:", "::%", "fe80::1%", "fe80::1%a b", "1:2",
        "[]", "%25:"})
    void parse_degenerateLiterals_areRefused(String text) {
        assertThatThrownBy(() -> IpAddresses.parse(text)).hasMessageContaining("not an IP address");
    }

    @Test
    void parse_zonedAndBracketedLiterals_stillWork() {
        assertThat(IpAddresses.parse("fe80::1%eth0")).hasSize(16);
        assertThat(IpAddresses.parse("[::1]")).hasSize(16);
        assertThat(IpAddresses.parse("::")).hasSize(16);
    }

    @Test
    void cidr_networkBytes_cannotBeChangedFromOutside() {
        Cidr c = Cidr.parse("10.0.0.0/8");
        c.network()[0] = 11;
        assertThat(c.contains("10.1.2.3")).isTrue();
        assertThat(c.contains("11.1.2.3")).isFalse();
    }

    @Test
    void cidr_isAValue_equalByNetworkAndPrefix_printedInCidrNotation() {
        assertThat(Cidr.parse("10.0.0.0/8")).isEqualTo(Cidr.parse("10.0.0.0/8"))
                .hasSameHashCodeAs(Cidr.parse("10.0.0.0/8")).isNotEqualTo(Cidr.parse("10.0.0.0/9"))
                .isEqualTo(Cidr.of(new byte[] {10, 0, 0, 0}, 8));
        assertThat(Cidr.parse("2001:db8::/32")).hasToString("2001:db8:0:0:0:0:0:0/32");
        assertThat(Cidr.parse("192.0.2.7")).hasToString("192.0.2.7/32");
    }

    @Test
    void cidrOf_badLengthOrPrefix_isRefusedNamingIt() {
        assertThatThrownBy(() -> Cidr.of(new byte[3], 8)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("network must be 4 or 16 bytes long but was 3");
        assertThatThrownBy(() -> Cidr.of(new byte[4], 33)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("prefix must be in [0, 32] but was 33");
    }
}
