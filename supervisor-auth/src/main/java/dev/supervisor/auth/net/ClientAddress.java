package dev.supervisor.auth.net;

import java.util.List;

/**
 * Finds the client behind proxies. {@code X-Forwarded-For} is believed only when the connection comes from a
 * configured trusted proxy; then the list is read from the right, skipping trusted proxies, and the first other
 * address is the client. Anything else in the header — from an untrusted peer, or malformed — is ignored, so a
 * client cannot choose the address it is limited under.
 */
public final class ClientAddress {
    private final List<Cidr> trustedProxies;

    private ClientAddress(List<Cidr> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    /**
     * @param trustedProxies ranges whose {@code X-Forwarded-For} is believed (may be empty)
     * @return the resolver
     */
    public static ClientAddress trusting(List<Cidr> trustedProxies) {
        return new ClientAddress(trustedProxies);
    }

    private boolean trusted(String address) {
        for (Cidr c : trustedProxies) {
            if (c.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param peer the connection's remote address (an IP literal)
     * @param forwardedFor the {@code X-Forwarded-For} header, or null
     * @return the client's address
     * @throws IllegalArgumentException if the peer is not an IP literal
     */
    public String resolve(String peer, String forwardedFor) {
        IpAddresses.parse(peer);
        if (forwardedFor == null || !trusted(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            try {
                IpAddresses.parse(hop);
            } catch (IllegalArgumentException e) {
                return peer; // a malformed chain proves nothing: fall back to what we saw
            }
            if (!trusted(hop)) {
                return hop;
            }
        }
        return hops[0].trim(); // every hop is a trusted proxy: the first one is where the request entered
    }
}
