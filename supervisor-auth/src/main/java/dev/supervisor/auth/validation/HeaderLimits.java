package dev.supervisor.auth.validation;

import dev.supervisor.auth.internal.Printable;

/**
 * Structural checks on request headers — the only ones worth making: a token name, no CR, LF or NUL in the
 * value, and sane sizes. It accepts every real client (browsers send {@code Accept: *}{@code /*} and long
 * user agents, which pattern-based header filters often refuse).
 */
public final class HeaderLimits {
    private HeaderLimits() {
    }

    /**
     * @param name the header name
     * @param value the header value
     * @throws InvalidInputException if the name is not an HTTP token, the value has CR, LF or NUL, or either is
     *         too long (name 256, value 8192 characters)
     */
    public static void check(String name, String value) {
        if (name == null || name.isEmpty() || name.length() > 256) {
            throw new InvalidInputException("header", "name must be 1 to 256 characters");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean token = c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
            if (!token) {
                throw new InvalidInputException("header", "name " + Printable.quote(name) + " is not an HTTP token");
            }
        }
        if (value == null || value.length() > 8192) {
            throw new InvalidInputException(name, "value must be at most 8192 characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new InvalidInputException(name, "value contains CR, LF or NUL");
            }
        }
    }
}
