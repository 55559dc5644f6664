package dev.supervisor.auth.mfa;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Single-use recovery codes: shown once, stored only as SHA-256 hashes, each accepted at most once.
 */
public final class RecoveryCodes {
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private final Set<String> unused = ConcurrentHashMap.newKeySet();

    private RecoveryCodes() {
    }

    /**
     * @param count how many codes, 1 to 20
     * @param random the random source
     * @param out receives the plain codes, to show the user once
     * @return the store, holding hashes only
     */
    public static RecoveryCodes generate(int count, SecureRandom random, List<String> out) {
        if (count < 1 || count > 20) {
            throw new IllegalArgumentException("count must be in [1, 20] but was " + count);
        }
        RecoveryCodes codes = new RecoveryCodes();
        List<String> plain = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < 10; k++) {
                sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            plain.add(sb.toString());
            codes.unused.add(hash(sb.toString()));
        }
        out.addAll(plain);
        return codes;
    }

    /**
     * @param code a code the user typed
     * @return true if it was an unused code (it is now used)
     */
    public boolean redeem(String code) {
        return code != null && unused.remove(hash(code.trim().toUpperCase(java.util.Locale.ROOT)));
    }

    /** @return how many codes are left */
    public int remaining() {
        return unused.size();
    }

    private static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(code.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
