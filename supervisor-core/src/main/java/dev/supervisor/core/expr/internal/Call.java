package dev.supervisor.core.expr.internal;

import dev.supervisor.core.expr.ExpressionException;
import dev.supervisor.core.expr.ExpressionFunction;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Calls of built-in functions, methods and host functions; each is charged by the size of what it reads. */
final class Call extends Node {
    static final Set<String> BUILTINS = Set.of("size", "int", "double", "string", "timestamp", "duration",
            "matches", "hour", "weekday", "startsWith", "endsWith", "contains");
    /** Longest text timestamp(), duration() and time-zone names read; no valid one comes close. */
    private static final int MAX_TIME_TEXT = 64;
    // Fixed patterns over at most MAX_TIME_TEXT or maxStringLength characters of a fixed, linear shape.
    private static final Pattern SIMPLE_DURATION = Pattern.compile("(-?\\d{1,19})(ms|s|m|h|d)");
    private static final Pattern INT_TEXT = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern DOUBLE_TEXT = Pattern.compile(
            "[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?|[+-]?Infinity|NaN");

    final String name;
    final List<Node> args;
    final ExpressionFunction host;
    final Regex constantRegex;

    Call(int pos, String name, List<Node> args, ExpressionFunction host, Regex constantRegex) {
        super(pos);
        this.name = name;
        this.args = args;
        this.host = host;
        this.constantRegex = constantRegex;
    }

    @Override
    Object eval(Env env) {
        List<Object> v = new ArrayList<>(args.size());
        for (Node a : args) {
            v.add(a.eval(env));
        }
        env.tick(pos);
        if (host != null) {
            Object r;
            try {
                r = host.apply(java.util.Collections.unmodifiableList(v));
            } catch (IllegalArgumentException e) {
                throw new ExpressionException(name + "(): " + e.getMessage(), env.source,
                        pos, e);
            } catch (RuntimeException | StackOverflowError e) {
                // The host's own failure: its message may name host internals, so only the cause carries it.
                throw new ExpressionException(name + "() failed", env.source, pos, e);
            }
            return Values.normalize(r);
        }
        return builtin(env, v);
    }

    private Object builtin(Env env, List<Object> v) {
        switch (name) {
            case "size":
                arity(env, v, 1);
                if (v.get(0) instanceof String str) {
                    env.chargeChars(pos, str.length());
                }
                return Values.size(env, v.get(0), pos);
            case "int":
                arity(env, v, 1);
                return toInt(env, v.get(0));
            case "double":
                arity(env, v, 1);
                return toDouble(env, v.get(0));
            case "string":
                arity(env, v, 1);
                return toStr(env, v.get(0));
            case "timestamp":
                arity(env, v, 1);
                try {
                    return Instant.parse(timeText(env, v.get(0), "timestamp()"));
                } catch (DateTimeParseException e) {
                    throw env.error(pos, "timestamp() needs an ISO-8601 instant such as 2026-01-01T00:00:00Z");
                }
            case "duration":
                arity(env, v, 1);
                return duration(env, timeText(env, v.get(0), "duration()"));
            case "hour":
            case "weekday":
                if (v.isEmpty() || v.size() > 2) {
                    throw env.error(pos, name + "() takes a timestamp and an optional zone");
                }
                if (!(v.get(0) instanceof Instant t)) {
                    throw env.error(pos, name + "() needs a timestamp but got " + Values.typeName(v.get(0)));
                }
                ZoneId zone;
                try {
                    zone = v.size() == 2 ? ZoneId.of(timeText(env, v.get(1), name + "()")) : ZoneId.of("UTC");
                } catch (DateTimeException e) {
                    throw env.error(pos, "unknown time zone '" + v.get(1) + "'");
                }
                var z = t.atZone(zone);
                return name.equals("hour") ? (long) z.getHour() : (long) z.getDayOfWeek().getValue();
            case "startsWith": {
                arity(env, v, 2);
                String s = str(env, v.get(0), "startsWith()");
                String prefix = str(env, v.get(1), "startsWith()");
                env.chargeChars(pos, prefix.length());
                return s.startsWith(prefix);
            }
            case "endsWith": {
                arity(env, v, 2);
                String s = str(env, v.get(0), "endsWith()");
                String suffix = str(env, v.get(1), "endsWith()");
                env.chargeChars(pos, suffix.length());
                return s.endsWith(suffix);
            }
            case "contains":
                arity(env, v, 2);
                if (v.get(0) instanceof String s) {
                    return Text.contains(env, pos, s, str(env, v.get(1), "contains()"));
                }
                return Values.in(env, v.get(1), v.get(0), pos);
            case "matches":
                arity(env, v, 2);
                return matches(env, str(env, v.get(0), "matches()"), v.get(1));
            default:
                throw env.error(pos, "unknown function '" + name + "'");
        }
    }

    private void arity(Env env, List<Object> v, int n) {
        if (v.size() != n) {
            throw env.error(pos, name + "() takes " + n + (n == 1 ? " argument" : " arguments") + " but got "
                    + v.size());
        }
    }

    private String str(Env env, Object v, String fn) {
        if (v instanceof String s) {
            return s;
        }
        throw env.error(pos, fn + " needs a string but got " + Values.typeName(v));
    }

    private Object toInt(Env env, Object v) {
        if (v instanceof Long) {
            return v;
        }
        if (v instanceof Double d) {
            // As CEL: the range is open at both ends, so -2^63 as a double is refused too.
            if (d.isNaN() || d <= -9.223372036854775808E18 || d >= 9.223372036854775807E18) {
                throw env.error(pos, "int(): " + d + " is out of range");
            }
            return (long) (double) d;
        }
        if (v instanceof String s) {
            env.chargeChars(pos, s.length());
            // ASCII digits with an optional sign, nothing around them: CEL's base-10 integer text.
            if (INT_TEXT.matcher(s).matches()) {
                try {
                    return Long.parseLong(s);
                } catch (NumberFormatException e) {
                    throw env.error(pos, "int(): '" + Text.excerpt(s) + "' is out of range");
                }
            }
            throw env.error(pos, "int(): '" + Text.excerpt(s) + "' is not an integer");
        }
        if (v instanceof Instant t) {
            return t.getEpochSecond();
        }
        throw env.error(pos, "int() does not accept " + Values.typeName(v));
    }

    private Object toDouble(Env env, Object v) {
        if (v instanceof Long n) {
            return n.doubleValue();
        }
        if (v instanceof Double) {
            return v;
        }
        if (v instanceof String s) {
            env.chargeChars(pos, s.length());
            if (DOUBLE_TEXT.matcher(s).matches()) {
                return Double.parseDouble(s);
            }
            throw env.error(pos, "double(): '" + Text.excerpt(s) + "' is not a number");
        }
        throw env.error(pos, "double() does not accept " + Values.typeName(v));
    }

    private Object toStr(Env env, Object v) {
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean || v instanceof Instant
                || v instanceof Duration) {
            return String.valueOf(v);
        }
        throw env.error(pos, "string() does not accept " + Values.typeName(v));
    }

    private String timeText(Env env, Object v, String fn) {
        String s = str(env, v, fn);
        env.chargeChars(pos, s.length());
        if (s.length() > MAX_TIME_TEXT) {
            throw env.error(pos, fn + " needs a text of at most " + MAX_TIME_TEXT + " characters");
        }
        return s;
    }

    private Duration duration(Env env, String s) {
        Matcher m = SIMPLE_DURATION.matcher(s.toLowerCase(Locale.ROOT));
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            return Duration.parse(s);
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            throw env.error(pos, "duration() needs 30s, 5m, 2h, 1d, 100ms or ISO-8601 such as PT5M, not '"
                    + Text.excerpt(s) + "'");
        }
    }

    private Object matches(Env env, String input, Object re) {
        Regex r = constantRegex;
        if (r == null) {
            r = regex(env, str(env, re, "matches()"), pos);
        }
        return r.find(input, env, pos);
    }

    /** Compiles a pattern, charging its length and program size: patterns built at run time are paid for. */
    static Regex regex(Env env, String pattern, int pos) {
        env.chargeChars(pos, pattern.length());
        try {
            Regex r = RegexParser.compile(pattern);
            env.charge(pos, r.size); // building an instruction costs about as much as evaluating a node
            return r;
        } catch (RegexParser.BadRegex e) {
            throw env.error(pos, "bad regular expression: " + e.getMessage());
        }
    }
}
