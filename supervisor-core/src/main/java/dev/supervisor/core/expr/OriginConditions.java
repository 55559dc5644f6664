package dev.supervisor.core.expr;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates the condition forms of the system Supervisor replaces into this expression language, so existing
 * workflow definitions keep their meaning. The origin's "context" is this language's {@code inputs}.
 *
 * <table>
 * <caption>Forms</caption>
 * <tr><th>kind</th><th>origin</th><th>expression</th></tr>
 * <tr><td>simple_comparison</td><td>{@code retries >= 3}</td><td>{@code inputs.retries >= 3}</td></tr>
 * <tr><td>task_status</td><td>{@code build:succeeded}</td><td>{@code tasks['build'].status == 'SUCCEEDED'}</td></tr>
 * <tr><td>context_value</td><td>{@code has:key}, {@code is_true:key}, {@code key}</td>
 *     <td>{@code 'key' in inputs}, {@code inputs['key'] == true}</td></tr>
 * <tr><td>time_based</td><td>{@code after:ISO}, {@code before:ISO}, {@code weekday:N} (0 = Monday),
 *     {@code hour:N}</td><td>{@code now > timestamp('ISO')}, {@code weekday(now) == N + 1}, ...</td></tr>
 * <tr><td>custom_function</td><td>{@code name(a, 'b')}</td><td>{@code name(inputs.a, 'b')}: bare arguments
 *     name input values, as in the origin</td></tr>
 * </table>
 */
public final class OriginConditions {
    private static final Pattern COMPARISON =
            Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(==|!=|<=|>=|<|>)\\s*(.+?)\\s*");
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern CALL = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\((.*)\\)\\s*");

    private OriginConditions() {
    }

    /**
     * @param kind simple_comparison, task_status, context_value, time_based or custom_function
     * @param condition the origin condition text
     * @return the equivalent expression source
     * @throws IllegalArgumentException if the kind is unknown or the condition does not fit it
     */
    public static String translate(String kind, String condition) {
        String c = condition.trim();
        return switch (kind) {
            case "simple_comparison" -> comparison(c);
            case "task_status" -> {
                int colon = c.lastIndexOf(':');
                if (colon <= 0 || colon == c.length() - 1) {
                    throw new IllegalArgumentException("task_status needs taskId:STATUS but was '" + c + "'");
                }
                yield "tasks[" + quote(c.substring(0, colon)) + "].status == "
                        + quote(c.substring(colon + 1).toUpperCase(Locale.ROOT));
            }
            case "context_value" -> {
                if (c.startsWith("has:")) {
                    yield quote(key(c.substring(4))) + " in inputs";
                }
                if (c.startsWith("is_true:")) {
                    String k = quote(key(c.substring(8)));
                    yield "(" + k + " in inputs && inputs[" + k + "] == true)";
                }
                String k = quote(key(c));
                yield "(" + k + " in inputs && inputs[" + k + "] == true)";
            }
            case "time_based" -> time(c);
            case "custom_function" -> call(c);
            default -> throw new IllegalArgumentException("unknown condition kind '" + kind + "'");
        };
    }

    private static String comparison(String c) {
        Matcher m = COMPARISON.matcher(c);
        if (!m.matches()) {
            throw new IllegalArgumentException("simple_comparison needs 'name op value' but was '" + c + "'");
        }
        return "inputs." + m.group(1) + " " + m.group(2) + " " + literal(m.group(3));
    }

    /** The origin's value parsing: quoted string, true/false, a number, else a bare string. */
    private static String literal(String v) {
        if (v.length() >= 2 && (v.startsWith("'") && v.endsWith("'") || v.startsWith("\"") && v.endsWith("\""))) {
            return quote(v.substring(1, v.length() - 1));
        }
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return v.toLowerCase(Locale.ROOT);
        }
        try {
            return v.contains(".") ? Double.toString(Double.parseDouble(v)) : Long.toString(Long.parseLong(v));
        } catch (NumberFormatException e) {
            return quote(v);
        }
    }

    private static String time(String c) {
        int colon = c.indexOf(':');
        String what = colon < 0 ? c : c.substring(0, colon);
        String arg = colon < 0 ? "" : c.substring(colon + 1).trim();
        try {
            return switch (what) {
                case "after" -> "now > timestamp(" + quote(java.time.OffsetDateTime.parse(arg).toInstant().toString())
                        + ")";
                case "before" -> "now < timestamp(" + quote(java.time.OffsetDateTime.parse(arg).toInstant().toString())
                        + ")";
                case "weekday" -> "weekday(now) == " + (Integer.parseInt(arg) + 1);
                case "hour" -> "hour(now) == " + Integer.parseInt(arg);
                default -> "false"; // the origin treated any other time form as false
            };
        } catch (java.time.format.DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("time_based condition '" + c + "' has a bad argument '" + arg + "'");
        }
    }

    private static String call(String c) {
        Matcher m = CALL.matcher(c);
        if (!m.matches()) {
            throw new IllegalArgumentException("custom_function needs name(args) but was '" + c + "'");
        }
        StringBuilder sb = new StringBuilder(m.group(1)).append('(');
        String args = m.group(2).trim();
        if (!args.isEmpty()) {
            String[] parts = args.split(",");
            for (int i = 0; i < parts.length; i++) {
                String a = parts[i].trim();
                sb.append(i == 0 ? "" : ", ").append(IDENT.matcher(a).matches() && !a.equals("true")
                        && !a.equals("false") ? "inputs." + a : literal(a));
            }
        }
        return sb.append(')').toString();
    }

    private static String key(String k) {
        if (k.isBlank()) {
            throw new IllegalArgumentException("context_value needs a key");
        }
        return k.trim();
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("'");
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\'' || ch == '\\') {
                sb.append('\\');
            }
            if (ch == '\n') {
                sb.append("\\n");
                continue;
            }
            sb.append(ch);
        }
        return sb.append('\'').toString();
    }
}
