package uk.sufficiency.dashboard;

import java.util.Set;

/**
 * How the dashboard sits on the network (docs/security.md, "Running behind TLS").
 *
 * @param secureCookies mark every cookie {@code Secure}: set it when browsers reach the dashboard over HTTPS only
 * @param trustedProxies addresses of reverse proxies whose {@code X-Forwarded-For} and
 *     {@code X-Forwarded-Proto} are believed; from anyone else those headers are ignored
 * @param passwordChecksPerSecond most password hashes checked per second, all sign-ins together
 */
public record ServerSettings(boolean secureCookies, Set<String> trustedProxies, int passwordChecksPerSecond) {
    /** Two password checks a second per core: at bcrypt cost 12 (about ¼ s of a core each) half the machine at most. */
    public static final ServerSettings DEFAULTS = new ServerSettings(false, Set.of(),
            2 * Runtime.getRuntime().availableProcessors());

    public ServerSettings {
        trustedProxies = Set.copyOf(trustedProxies);
        if (passwordChecksPerSecond < 1) {
            throw new IllegalArgumentException("passwordChecksPerSecond must be at least 1");
        }
    }

    public ServerSettings withSecureCookies(boolean secure) {
        return new ServerSettings(secure, trustedProxies, passwordChecksPerSecond);
    }

    public ServerSettings withTrustedProxies(Set<String> proxies) {
        return new ServerSettings(secureCookies, proxies, passwordChecksPerSecond);
    }

    public ServerSettings withPasswordChecksPerSecond(int perSecond) {
        return new ServerSettings(secureCookies, trustedProxies, perSecond);
    }

    /** Whether a request reached us from a trusted proxy. */
    boolean fromTrustedProxy(String remoteAddress) {
        return trustedProxies.contains(remoteAddress);
    }

    /**
     * The browser's address: the connection's, or, from a trusted proxy, the nearest address in
     * {@code X-Forwarded-For} that is not itself a trusted proxy (entries further left could be forged).
     */
    String clientAddress(String remoteAddress, String forwardedFor) {
        if (!fromTrustedProxy(remoteAddress) || forwardedFor == null) {
            return remoteAddress;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return remoteAddress;
    }

    /** Whether the browser used HTTPS: our own scheme, or, from a trusted proxy, the last {@code X-Forwarded-Proto}. */
    boolean https(String scheme, String remoteAddress, String forwardedProto) {
        if ("https".equalsIgnoreCase(scheme)) {
            return true;
        }
        if (!fromTrustedProxy(remoteAddress) || forwardedProto == null) {
            return false;
        }
        return forwardedProto.substring(forwardedProto.lastIndexOf(',') + 1).strip().equalsIgnoreCase("https");
    }
}
