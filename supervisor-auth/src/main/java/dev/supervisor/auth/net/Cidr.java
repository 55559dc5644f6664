package dev.supervisor.auth.net;

/**
 * An IP range such as {@code 10.0.0.0/8} or {@code 2001:db8::/32}.
 *
 * @param network the network address bytes (4 or 16)
 * @param prefix the prefix length
 */
public record Cidr(byte[] network, int prefix) {

    /** Keeps its own copy of the address bytes. */
    public Cidr {
        network = network.clone();
    }

    /** @return a copy of the network address bytes */
    @Override
    public byte[] network() {
        return network.clone();
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
}
