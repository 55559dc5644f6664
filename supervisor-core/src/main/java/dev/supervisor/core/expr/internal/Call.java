package dev.supervisor.core.expr.internal;

import dev.supervisor.core.expr.ExpressionFunction;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Calls of built-in functions, methods and host functions. */
final class Call extends Node {
    static final java.util.Set<String> BUILTINS = java.util.Set.of("size", "int", "double", "string", "timestamp",
            "duration", "matches", "hour", "weekday", "startsWith", "endsWith", "contains");
    private static final Pattern SIMPLE_DURATION = Pattern.compile("(-?\\d+)(ms|s|m|h|d)");

    final String name;
    final List<Node> args;
    final ExpressionFunction host;
    final Pattern constantRegex;

    Call(int pos, String name, List<Node> args, ExpressionFunction host, Pattern constantRegex) {
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
                throw env.error(pos, name + "(): " + e.getMessage());
            }
            return Values.normalize(r);
        }
        return builtin(env, v);
    }

    private Object builtin(Env env, List<Object> v) {
        switch (name) {
            case "size":
                arity(env, v, 1);
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
                    return Instant.parse(str(env, v.get(0), "timestamp()"));
                } catch (DateTimeParseException e) {
                    throw env.error(pos, "timestamp() needs an ISO-8601 instant such as 2026-01-01T00:00:00Z");
                }
            case "duration":
                arity(env, v, 1);
                return duration(env, str(env, v.get(0), "duration()"));
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
                    zone = v.size() == 2 ? ZoneId.of(str(env, v.get(1), name + "()")) : ZoneId.of("UTC");
                } catch (DateTimeException e) {
                    throw env.error(pos, "unknown time zone '" + v.get(1) + "'");
                }
                var z = t.atZone(zone);
                return name.equals("hour") ? (long) z.getHour() : (long) z.getDayOfWeek().getValue();
            case "startsWith":
                arity(env, v, 2);
                return str(env, v.get(0), "startsWith()").startsWith(str(env, v.get(1), "startsWith()"));
            case "endsWith":
                arity(env, v, 2);
                return str(env, v.get(0), "endsWith()").endsWith(str(env, v.get(1), "endsWith()"));
            case "contains":
                arity(env, v, 2);
                if (v.get(0) instanceof String s) {
                    return s.contains(str(env, v.get(1), "contains()"));
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
            if (d.isNaN() || d < -9.223372036854776E18 || d >= 9.223372036854776E18) {
                throw env.error(pos, "int(): " + d + " is out of range");
            }
            return (long) (double) d;
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                throw env.error(pos, "int(): '" + shorten(s) + "' is not an integer");
            }
        }
        if (v instanceof Instant t) {
            return t.getEpochSecond();
        }
        throw env.error(pos, "int() does not accept " + Values.typeName(v));
    }

    private Object toDouble(Env env, Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw env.error(pos, "double(): '" + shorten(s) + "' is not a number");
            }
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

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
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
                    + shorten(s) + "'");
        }
    }

    private Object matches(Env env, String input, Object re) {
        Pattern p = constantRegex;
        if (p == null) {
            String src = str(env, re, "matches()");
            try {
                p = Pattern.compile(src);
            } catch (PatternSyntaxException e) {
                throw env.error(pos, "bad regular expression: " + e.getDescription());
            }
        }
        try {
            return p.matcher(new MeteredChars(input, env, pos)).find();
        } catch (StackOverflowError e) {
            throw env.error(pos, "regular expression too complex for this input");
        }
    }

    /** Every character the regex engine reads costs one step, so backtracking blow-ups hit the budget. */
    private static final class MeteredChars implements CharSequence {
        private final String s;
        private final Env env;
        private final int pos;

        MeteredChars(String s, Env env, int pos) {
            this.s = s;
            this.env = env;
            this.pos = pos;
        }

        @Override
        public int length() {
            return s.length();
        }

        @Override
        public char charAt(int index) {
            env.tick(pos);
            return s.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new MeteredChars(s.substring(start, end), env, pos);
        }

        @Override
        public String toString() {
            return s;
        }
    }
}
