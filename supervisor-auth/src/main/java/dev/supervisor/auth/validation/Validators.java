package dev.supervisor.auth.validation;

import java.util.regex.Pattern;

/**
 * Allow-list validators for common fields. Each returns the value when it is acceptable and throws
 * {@link InvalidInputException} otherwise. They accept real data ({@code O'Brian}, {@code José},
 * {@code Ana-María}); they are not an injection defence — parameterised queries and output encoding are.
 */
public final class Validators {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,127}");
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M} .'’-]{0,199}");
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private Validators() {
    }

    /**
     * @param field the input's name
     * @param value a letter, then up to 127 letters, digits, {@code . _ -}
     * @return the value
     */
    public static String identifier(String field, String value) {
        return check(field, value, IDENTIFIER, "must start with a letter and use only letters, digits, '.', '_'"
                + " and '-' (at most 128)");
    }

    /**
     * @param field the input's name
     * @param value a person's name: letters (any script), spaces, apostrophes, hyphens, dots; at most 200
     * @return the value
     */
    public static String personName(String field, String value) {
        return check(field, value, NAME, "must be letters, spaces, apostrophes, hyphens or dots (at most 200)");
    }

    /**
     * @param field the input's name
     * @param value an email address (dot-atom local part, DNS host name), at most 254 characters
     * @return the value
     */
    public static String email(String field, String value) {
        if (value != null && value.length() > 254) {
            throw new InvalidInputException(field, "is longer than 254 characters");
        }
        return check(field, value, EMAIL, "is not an email address");
    }

    /**
     * @param field the input's name
     * @param value any text
     * @param maxLength the longest accepted
     * @return the value
     */
    public static String maxLength(String field, String value, int maxLength) {
        if (value == null || value.length() > maxLength) {
            throw new InvalidInputException(field, "must be at most " + maxLength + " characters");
        }
        return value;
    }

    private static String check(String field, String value, Pattern p, String rule) {
        if (value == null || !p.matcher(value).matches()) {
            throw new InvalidInputException(field, rule);
        }
        return value;
    }
}
