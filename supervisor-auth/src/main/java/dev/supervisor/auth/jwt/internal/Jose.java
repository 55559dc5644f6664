package dev.supervisor.auth.jwt.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supervisor.auth.internal.Printable;
import dev.supervisor.auth.internal.StrictJson;
import dev.supervisor.auth.jwt.JwtException;
import java.math.BigInteger;
import java.util.Base64;

/** Strict base64url and JSON for JOSE, and ECDSA signature format conversion. */
public final class Jose {
    private static final StrictJson STRICT = new StrictJson(16_384, 16, 16_384);

    private Jose() {
    }

    /**
     * @param part a token segment
     * @return its bytes, if it is canonical unpadded base64url
     * @throws JwtException otherwise
     */
    public static byte[] decode(String part) {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
            if (!ok) {
                throw new JwtException("segment is not base64url (character " + Printable.quote(c) + ")");
            }
        }
        if (part.length() % 4 == 1) {
            throw new JwtException("segment has an impossible base64url length");
        }
        // Canonical unpadded base64url leaves the unused low bits of the last character zero; checking them
        // directly avoids re-encoding the segment.
        int rem = part.length() % 4;
        if (rem != 0) {
            int last = value(part.charAt(part.length() - 1));
            if ((rem == 2 && (last & 0x0F) != 0) || (rem == 3 && (last & 0x03) != 0)) {
                throw new JwtException("segment is not canonical base64url");
            }
        }
        return Base64.getUrlDecoder().decode(part);
    }

    private static int value(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '-' ? 62 : 63;
    }

    /**
     * @param bytes JSON bytes (strict UTF-8)
     * @param what "header" or "claims"
     * @return the object node
     * @throws JwtException on bad JSON or encoding, duplicates, trailing content, depth or size
     */
    public static JsonNode object(byte[] bytes, String what) {
        JsonNode n;
        try {
            n = STRICT.parse(bytes);
        } catch (StrictJson.Refused e) {
            throw new JwtException(what + " is not acceptable JSON: it " + e.getMessage());
        }
        if (!n.isObject()) {
            throw new JwtException(what + " is not a JSON object");
        }
        return n;
    }

    /** JWS ECDSA signatures are r || s; JCA wants DER. Also refuses r or s outside [1, n-1]. */
    public static byte[] ecdsaToDer(byte[] raw, BigInteger order) {
        int half = raw.length / 2;
        BigInteger r = new BigInteger(1, java.util.Arrays.copyOfRange(raw, 0, half));
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(raw, half, raw.length));
        if (r.signum() <= 0 || s.signum() <= 0 || r.compareTo(order) >= 0 || s.compareTo(order) >= 0) {
            throw new JwtException("ECDSA signature values out of range");
        }
        byte[] rb = r.toByteArray();
        byte[] sb = s.toByteArray();
        int len = 2 + rb.length + 2 + sb.length;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(0x30);
        if (len > 127) {
            out.write(0x81);
        }
        out.write(len);
        out.write(0x02);
        out.write(rb.length);
        out.write(rb, 0, rb.length);
        out.write(0x02);
        out.write(sb.length);
        out.write(sb, 0, sb.length);
        return out.toByteArray();
    }

    /** DER ECDSA (from JCA signing) to the fixed-size r || s of JWS. */
    public static byte[] derToEcdsa(byte[] der, int size) {
        int i = der[1] == (byte) 0x81 ? 3 : 2;
        int rl = der[i + 1];
        byte[] r = java.util.Arrays.copyOfRange(der, i + 2, i + 2 + rl);
        i = i + 2 + rl;
        int sl = der[i + 1];
        byte[] s = java.util.Arrays.copyOfRange(der, i + 2, i + 2 + sl);
        byte[] out = new byte[2 * size];
        copyRight(r, out, 0, size);
        copyRight(s, out, size, size);
        return out;
    }

    private static void copyRight(byte[] src, byte[] dst, int off, int size) {
        int start = Math.max(0, src.length - size);
        int len = src.length - start;
        System.arraycopy(src, start, dst, off + size - len, len);
    }
}
