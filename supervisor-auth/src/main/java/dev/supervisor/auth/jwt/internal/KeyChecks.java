package dev.supervisor.auth.jwt.internal;

import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECPoint;
import java.security.spec.EllipticCurve;
import java.util.BitSet;

/** Checks that a public key is a sound one, whoever supplied it: weak RSA structure, off-curve EC points. */
public final class KeyChecks {
    /** The largest RSA modulus accepted: verification cost grows with it, and nobody signs with more. */
    public static final int MAX_RSA_BITS = 8192;
    // Moduli from the Infineon library flaw (CVE-2017-15361, "ROCA") are, modulo each of these primes, a power of
    // 65537; random moduli almost never are for all of them at once.
    private static final int[] ROCA_PRIMES = {3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67,
        71, 73, 79, 83, 89, 97, 101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167};
    private static final BitSet[] POWERS_OF_65537 = new BitSet[ROCA_PRIMES.length];

    static {
        for (int i = 0; i < ROCA_PRIMES.length; i++) {
            int p = ROCA_PRIMES[i];
            BitSet powers = new BitSet(p);
            int g = 65537 % p;
            int x = 1;
            while (!powers.get(x)) {
                powers.set(x);
                x = x * g % p;
            }
            POWERS_OF_65537[i] = powers;
        }
    }

    private KeyChecks() {
    }

    /**
     * @param key an RSA public key
     * @return null if sound, else what is wrong
     */
    public static String rsaProblem(RSAPublicKey key) {
        BigInteger n = key.getModulus();
        BigInteger e = key.getPublicExponent();
        if (n.bitLength() > MAX_RSA_BITS) {
            return "RSA modulus of " + n.bitLength() + " bits is above " + MAX_RSA_BITS;
        }
        if (!n.testBit(0)) {
            return "RSA modulus is even";
        }
        if (!e.testBit(0) || e.compareTo(BigInteger.valueOf(3)) < 0 || e.compareTo(n) >= 0 || e.bitLength() > 256) {
            return "RSA public exponent must be odd, at least 3 and small";
        }
        if (hasRocaFingerprint(n)) {
            return "RSA modulus has the structure of the ROCA-vulnerable key generator (CVE-2017-15361)";
        }
        return null;
    }

    /** @param n a modulus @return true if it matches the ROCA fingerprint */
    public static boolean hasRocaFingerprint(BigInteger n) {
        for (int i = 0; i < ROCA_PRIMES.length; i++) {
            if (!POWERS_OF_65537[i].get(n.mod(BigInteger.valueOf(ROCA_PRIMES[i])).intValue())) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param key an EC public key on a prime-field curve
     * @return true if its point lies on its curve (and is not the point at infinity)
     */
    public static boolean onCurve(ECPublicKey key) {
        ECPoint w = key.getW();
        EllipticCurve c = key.getParams().getCurve();
        if (w == null || ECPoint.POINT_INFINITY.equals(w) || !(c.getField() instanceof ECFieldFp f)) {
            return false;
        }
        BigInteger p = f.getP();
        BigInteger x = w.getAffineX();
        BigInteger y = w.getAffineY();
        if (x.signum() < 0 || y.signum() < 0 || x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger rhs = x.pow(3).add(c.getA().multiply(x)).add(c.getB()).mod(p);
        return y.pow(2).mod(p).equals(rhs);
    }
}
