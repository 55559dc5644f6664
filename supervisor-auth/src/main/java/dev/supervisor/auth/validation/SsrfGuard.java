package dev.supervisor.auth.validation;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses outbound URLs that would reach inside the network: every address the host resolves to must be public —
 * no loopback, private, link-local (cloud metadata at 169.254.169.254 included), carrier-grade NAT, unique-local,
 * multicast or unspecified address, in IPv4, IPv6 or IPv4-mapped form. Numeric hosts in decimal, octal or hex
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
        if (a instanceof Inet6Address && b.length == 16) {
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] == (byte) 0xff && b[11] == (byte) 0xff || b[10] == 0 && b[11] == 0)) {
                try {
                    return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // fc00::/7 unique local
            }
        }
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        if (a instanceof Inet4Address) {
            int x = b[0] & 0xff;
            int y = b[1] & 0xff;
            if (x == 0 || x == 100 && y >= 64 && y < 128 || x == 192 && y == 0 && (b[2] & 0xff) == 0
                    || x == 198 && (y == 18 || y == 19) || x >= 240) {
                return false; // this network, CGNAT, IETF protocol, benchmarking, reserved
            }
        }
        return true;
    }
}
