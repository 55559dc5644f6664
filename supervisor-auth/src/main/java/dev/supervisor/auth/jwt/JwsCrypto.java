package dev.supervisor.auth.jwt;

import dev.supervisor.auth.jwt.internal.Jose;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import javax.crypto.Mac;

/** The JCA side of JWS: one place that signs and verifies every algorithm, with JWS's signature formats. */
final class JwsCrypto {
    private JwsCrypto() {
    }

    static byte[] sign(JwsAlgorithm a, Key key, byte[] input) throws GeneralSecurityException {
        if (a.isHmac()) {
            Mac mac = Mac.getInstance(a.jca);
            mac.init(key);
            return mac.doFinal(input);
        }
        Signature s = Signature.getInstance(a.jca);
        if (a.pss != null) {
            s.setParameter(a.pss);
        }
        s.initSign((PrivateKey) key);
        s.update(input);
        byte[] sig = s.sign();
        return a.isEc() ? Jose.derToEcdsa(sig, a.ecValueBytes()) : sig;
    }

    /** Verifies with a fresh Mac or Signature; HMAC callers that care about speed reuse a Mac instead. */
    static boolean verify(JwtKey key, byte[] input, byte[] sig) {
        JwsAlgorithm a = key.algorithm();
        try {
            if (a.isHmac()) {
                Mac mac = Mac.getInstance(a.jca);
                mac.init(key.key());
                return MessageDigest.isEqual(mac.doFinal(input), sig);
            }
            byte[] signature = sig;
            if (a.isEc()) {
                if (sig.length != 2 * a.ecValueBytes()) {
                    return false;
                }
                signature = Jose.ecdsaToDer(sig, ((ECPublicKey) key.key()).getParams().getOrder());
            } else if (a == JwsAlgorithm.EdDSA && sig.length != 64) {
                return false;
            } else if (a.isRsa() && sig.length != (JwtKey.rsaBits(key.key()) + 7) / 8) {
                return false; // RFC 8017: the signature is exactly as long as the modulus
            }
            Signature s = Signature.getInstance(a.jca);
            if (a.pss != null) {
                s.setParameter(a.pss);
            }
            s.initVerify((PublicKey) key.key());
            s.update(input);
            return s.verify(signature);
        } catch (GeneralSecurityException | JwtException e) {
            return false;
        }
    }
}
