package dev.supervisor.auth.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Parses IP literals only — never a host name, so nothing here can trigger a DNS lookup — and derives the key an
 * address is rate-limited and blocked under: the whole address for IPv4, the /64 network for IPv6 (one subscriber
 * usually owns a whole /64 and can rotate through it).
 */
public final class IpAddresses {
    private IpAddresses() {
    }

    /**
     * @param text an IPv4 dotted quad (decimal, no leading zeros) or an IPv6 literal, optionally in brackets
     * @return 4 or 16 bytes
     * @throws IllegalArgumentException if the text is not an IP literal
     */
    public static byte[] parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 64) {
            throw new IllegalArgumentException("not an IP address: '" + text + "'");
        }
        String t = text.trim();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        if (t.indexOf(':') < 0) {
            return parseV4(t, text);
        }
        int zone = t.indexOf('%');
        String literal = zone < 0 ? t : t.substring(0, zone);
        // An empty literal ("%:" makes one) would be read by InetAddress as the local host.
        if (literal.length() < 2 || literal.chars().filter(c -> c == ':').count() < 2
                || Character.digit(literal.charAt(0), 16) < 0 && literal.charAt(0) != ':'
                || zone >= 0 && !t.substring(zone + 1).matches("[A-Za-z0-9_.-]{1,32}")) {
            throw new IllegalArgumentException("not an IP address: '" + text + "'");
        }
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (!(c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
                throw new IllegalArgumentException("not an IP address: '" + text + "'");
            }
        }
        try {
            // A string with ':' made only of hex digits, colons and dots is parsed as a literal: no lookup.
            byte[] b = InetAddress.getByName(literal).getAddress();
            return b.length == 16 && isV4Mapped(b) ? Arrays.copyOfRange(b, 12, 16) : b;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: '" + text + "'");
        }
    }

    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    private static byte[] parseV4(String t, String original) {
        String[] parts = t.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IP address: '" + original + "'");
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || p.length() > 1 && p.charAt(0) == '0') {
                throw new IllegalArgumentException("not an IP address: '" + original + "'");
            }
            int v = 0;
            for (int k = 0; k < p.length(); k++) {
                char c = p.charAt(k);
                if (c < '0' || c > '9') {
                    throw new IllegalArgumentException("not an IP address: '" + original + "'");
                }
                v = v * 10 + (c - '0');
            }
            if (v > 255) {
                throw new IllegalArgumentException("not an IP address: '" + original + "'");
            }
            out[i] = (byte) v;
        }
        return out;
    }

    /**
     * @param address an IP literal
     * @return the rate-limit and blocking key: the IPv4 address, or the IPv6 /64 prefix followed by {@code ::/64}
     */
    public static String blockKey(String address) {
        byte[] b = parse(address);
        if (b.length == 4) {
            return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            sb.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff))).append(':');
        }
        return sb.append(":/64").toString();
    }
}
