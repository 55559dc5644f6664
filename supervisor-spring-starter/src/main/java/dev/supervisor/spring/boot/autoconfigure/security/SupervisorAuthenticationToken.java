package dev.supervisor.spring.boot.autoconfigure.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Spring Security's view of Supervisor credentials: before authentication the request's token or API key with the
 * permission the request needs; after it the {@link SupervisorPrincipal}, with its roles as {@code ROLE_} authorities
 * and an API key's permissions as authorities.
 */
public final class SupervisorAuthenticationToken extends AbstractAuthenticationToken {
    private static final long serialVersionUID = 1L;
    private final transient SupervisorAuthenticator.Credentials credentials;
    private final String permission;
    private final SupervisorPrincipal principal;

    private SupervisorAuthenticationToken(SupervisorAuthenticator.Credentials credentials, String permission,
                                          SupervisorPrincipal principal) {
        super(principal == null ? List.of() : authorities(principal));
        this.credentials = credentials;
        this.permission = permission;
        this.principal = principal;
        super.setAuthenticated(principal != null);
    }

    private static List<SimpleGrantedAuthority> authorities(SupervisorPrincipal p) {
        return java.util.stream.Stream.concat(p.roles().stream().map(r -> "ROLE_" + r), p.permissions().stream())
                .map(SimpleGrantedAuthority::new).toList();
    }

    /**
     * @param credentials the request's credentials
     * @param permission what the request needs
     * @return a token to authenticate
     */
    public static SupervisorAuthenticationToken unauthenticated(SupervisorAuthenticator.Credentials credentials,
                                                                String permission) {
        return new SupervisorAuthenticationToken(credentials, permission, null);
    }

    /**
     * @param principal who called
     * @return an authenticated token
     */
    public static SupervisorAuthenticationToken authenticated(SupervisorPrincipal principal) {
        return new SupervisorAuthenticationToken(null, null, principal);
    }

    /** @return the credentials (null once authenticated) */
    @Override
    public Object getCredentials() {
        return credentials;
    }

    /** @return the principal once authenticated, else null */
    @Override
    public SupervisorPrincipal getPrincipal() {
        return principal;
    }

    /** @return what the request needs (before authentication) */
    public String permission() {
        return permission;
    }

    @Override
    public void setAuthenticated(boolean authenticated) {
        if (authenticated) {
            throw new IllegalArgumentException("use SupervisorAuthenticationToken.authenticated(principal)");
        }
        super.setAuthenticated(false);
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
