package dev.supervisor.auth.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;

/**
 * An IP range such as {@code 10.0.0.0/8} or {@code 2001:db8::/32}. Immutable; equal when the network bytes and the
 * prefix are.
 */
public final class Cidr {
    private final byte[] network;
    private final int prefix;

    private Cidr(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /**
     * @param network the network address bytes (4 or 16), copied
     * @param prefix the prefix length, 0 to 32 or 128
     * @return the range
     * @throws IllegalArgumentException if the address is not 4 or 16 bytes long or the prefix out of range
     */
    public static Cidr of(byte[] network, int prefix) {
        Objects.requireNonNull(network, "network");
        if (network.length != 4 && network.length != 16) {
            throw new IllegalArgumentException("network must be 4 or 16 bytes long but was " + network.length);
        }
        if (prefix < 0 || prefix > network.length * 8) {
            throw new IllegalArgumentException("prefix must be in [0, " + network.length * 8 + "] but was " + prefix);
        }
        return new Cidr(network.clone(), prefix);
    }

    /** @return a copy of the network address bytes (4 or 16) */
    public byte[] network() {
        return network.clone();
    }

    /** @return the prefix length */
    public int prefix() {
        return prefix;
    }

    /**
     * @param text an address with an optional {@code /prefix} (a bare address is a single host)
     * @return the range
     * @throws IllegalArgumentException if the text is malformed or the prefix out of range
     */
    public static Cidr parse(String text) {
        int slash = text.indexOf('/');
        byte[] addr = IpAddresses.parse(slash < 0 ? text : text.substring(0, slash));
        int max = addr.length * 8;
        int prefix = max;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad prefix in '" + text + "'");
            }
            if (prefix < 0 || prefix > max) {
                throw new IllegalArgumentException("prefix of '" + text + "' must be in [0, " + max + "]");
            }
        }
        return new Cidr(addr, prefix);
    }

    /**
     * @param address an IP literal
     * @return true if it lies in this range (an IPv4 address never lies in an IPv6 range, and back)
     */
    public boolean contains(String address) {
        byte[] a = IpAddresses.parse(address);
        if (a.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (a[full] & mask) == (network[full] & mask);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.prefix == prefix && Arrays.equals(c.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefix;
    }

    /** @return the range in CIDR notation, e.g. {@code 10.0.0.0/8} */
    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // 4 or 16 bytes: cannot happen
        }
    }
}
