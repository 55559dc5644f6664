package dev.supervisor.auth.validation;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses outbound URLs that would reach inside the network: every address the host resolves to must be public —
 * no loopback, private, link-local (cloud metadata at 169.254.169.254 included), carrier-grade NAT, unique-local,
 * multicast, documentation, reserved or unspecified address, in IPv4 or IPv6. An IPv4 address carried inside
 * an IPv6 transition form — IPv4-mapped, IPv4-compatible, SIIT, NAT64 ({@code 64:ff9b::/96}) or 6to4
 * ({@code 2002::/16}) — is judged as that IPv4 address; Teredo, local-use NAT64 and the other IETF-reserved
 * ranges are refused. Numeric hosts in decimal, octal or hex
 * ({@code 2130706433}, {@code 0177.0.0.1}, {@code 0x7f.1}) are refused outright. Callers must connect to the
 * address checked here (not resolve again), or DNS rebinding can switch it.
 */
public final class SsrfGuard {
    /** Resolves a host to its addresses. */
    @FunctionalInterface
    public interface Resolver {
        /**
         * @param host a host name or literal
         * @return its addresses
         * @throws UnknownHostException if it does not resolve
         */
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    private final Resolver resolver;
    private final Set<String> schemes;

    private SsrfGuard(Resolver resolver, Set<String> schemes) {
        this.resolver = resolver;
        this.schemes = Set.copyOf(schemes);
    }

    /**
     * @param resolver the resolver (DNS in production; a table in tests)
     * @param schemes allowed schemes, e.g. {@code Set.of("https")}
     * @return the guard
     */
    public static SsrfGuard of(Resolver resolver, Set<String> schemes) {
        return new SsrfGuard(resolver, schemes);
    }

    /** @return a guard on the system resolver allowing http and https */
    public static SsrfGuard ofDefaults() {
        return of(h -> List.of(InetAddress.getAllByName(h)), Set.of("http", "https"));
    }

    /**
     * @param url an outbound URL
     * @return the first resolved address, checked, for the caller to connect to
     * @throws InvalidInputException naming the reason
     */
    public InetAddress check(String url) {
        URI u;
        try {
            u = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw new InvalidInputException("url", "is not a valid URL");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!schemes.contains(scheme) || u.getHost() == null || u.getRawUserInfo() != null) {
            throw new InvalidInputException("url", "must be " + schemes + " with a host and no user info");
        }
        String host = u.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.matches("[0-9a-fA-FxX.]+") && !host.matches("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)"
                + "(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}") && !host.matches(".*[g-wyzG-WYZ].*")
                && host.chars().anyMatch(Character::isDigit)) {
            throw new InvalidInputException("url", "has an ambiguous numeric host");
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new InvalidInputException("url", "host does not resolve");
        }
        if (addresses.isEmpty()) {
            throw new InvalidInputException("url", "host does not resolve");
        }
        for (InetAddress a : addresses) {
            if (!isPublic(a)) {
                throw new InvalidInputException("url", "resolves to a non-public address");
            }
        }
        return addresses.get(0);
    }

    static boolean isPublic(InetAddress a) {
        byte[] b = a.getAddress();
        if (b.length == 16) {
            byte[] embedded = embeddedIpv4(b);
            if (embedded != null) {
                try {
                    return isPublic(InetAddress.getByAddress(embedded));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            return publicIpv6(a, b);
        }
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        int x = b[0] & 0xff;
        int y = b[1] & 0xff;
        int z = b[2] & 0xff;
        return !(x == 0 || x == 100 && y >= 64 && y < 128 || x == 192 && y == 0 && (z == 0 || z == 2)
                || x == 192 && y == 88 && z == 99 || x == 198 && (y == 18 || y == 19) || x == 198 && y == 51 && z == 100
                || x == 203 && y == 0 && z == 113 || x >= 240);
        // this network, CGNAT, IETF protocol, TEST-NET-1/2/3, 6to4 relay, benchmarking, reserved and broadcast
    }

    /**
     * The IPv4 address an IPv6 transition form carries, so it is judged as that address: IPv4-mapped
     * {@code ::ffff:0:0/96}, IPv4-compatible {@code ::/96}, SIIT {@code ::ffff:0:0:0/96}, NAT64
     * {@code 64:ff9b::/96} and 6to4 {@code 2002::/16}.
     */
    private static byte[] embeddedIpv4(byte[] b) {
        boolean zero0to7 = true;
        for (int i = 0; i < 8; i++) {
            zero0to7 &= b[i] == 0;
        }
        boolean zero8to9 = b[8] == 0 && b[9] == 0;
        if (zero0to7 && zero8to9 && (b[10] == (byte) 0xff && b[11] == (byte) 0xff || b[10] == 0 && b[11] == 0)
                || zero0to7 && b[8] == (byte) 0xff && b[9] == (byte) 0xff && b[10] == 0 && b[11] == 0) {
            return Arrays.copyOfRange(b, 12, 16);
        }
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b;
        for (int i = 4; i < 12; i++) {
            nat64 &= b[i] == 0;
        }
        if (nat64) {
            return Arrays.copyOfRange(b, 12, 16);
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return Arrays.copyOfRange(b, 2, 6);
        }
        return null;
    }

    private static boolean publicIpv6(InetAddress a, byte[] b) {
        int w0 = (b[0] & 0xff) << 8 | b[1] & 0xff;
        int w1 = (b[2] & 0xff) << 8 | b[3] & 0xff;
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        return !((w0 & 0xfe00) == 0xfc00 // fc00::/7 unique local
                || w0 == 0x0064 && w1 == 0xff9b // NAT64 beyond the well-known /96 (local-use 64:ff9b:1::/48)
                || w0 == 0x2001 && w1 < 0x0200 // 2001::/23 IETF protocol assignments, Teredo 2001::/32 included
                || w0 == 0x2001 && w1 == 0x0db8 // documentation
                || w0 == 0x0100 && w1 == 0 && b[4] == 0 && b[5] == 0 && b[6] == 0 && b[7] == 0 // discard-only
                || w0 == 0x3fff && w1 < 0x1000 // documentation (RFC 9637)
                || w0 == 0x5f00 // SRv6 segment identifiers
                || w0 == 0); // anything else in ::/16 (reserved)
    }
}
