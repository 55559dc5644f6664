package dev.supervisor.auth.rbac;

import java.util.Objects;

/**
 * What self-registration may say about a new user. There is deliberately no roles field: registration cannot
 * grant anything, so no request can register itself as an administrator.
 *
 * @param username the user name
 * @param email the email address
 */
public record NewUser(String username, String email) {
    /**
     * @throws NullPointerException if an argument is null
     */
    public NewUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(email, "email");
    }
}
