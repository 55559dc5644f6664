package dev.supervisor.core.expr;

import java.lang.reflect.Modifier;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Immutable limits and extensions of an {@link ExpressionEngine}. Every limit turns a hostile expression into a
 * quick {@link ExpressionException} instead of a hang or an exhausted heap.
 */
public final class ExpressionConfig {
    /**
     * Deepest nesting {@link Builder#maxDepth} accepts (as CEL's parser): compiling and evaluating the deepest
     * accepted expression of any shape needs about half of a default 1 MB thread stack. On a smaller stack a
     * compile or evaluation that runs out of it still ends with an {@link ExpressionException}.
     */
    public static final int MAX_DEPTH = 250;
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    /** Built-in functions, macros, methods, literals and the words CEL reserves: host functions may not use them. */
    private static final Set<String> RESERVED = Set.of("size", "int", "double", "string", "timestamp", "duration",
            "matches", "hour", "weekday", "startsWith", "endsWith", "contains", "has", "exists", "all", "filter",
            "map", "in", "true", "false", "null", "now", "as", "break", "const", "continue", "else", "for",
            "function", "if", "import", "let", "loop", "package", "namespace", "return", "var", "void", "while");

    private final int maxSourceLength;
    private final int maxDepth;
    private final long maxCost;
    private final int maxStringLength;
    private final int maxListSize;
    private final int cacheSize;
    private final Clock clock;
    private final Map<String, ExpressionFunction> functions;
    private final Map<Class<?>, MemberAccessor<?>> accessors;

    private ExpressionConfig(Builder b) {
        this.maxSourceLength = b.maxSourceLength;
        this.maxDepth = b.maxDepth;
        this.maxCost = b.maxCost;
        this.maxStringLength = b.maxStringLength;
        this.maxListSize = b.maxListSize;
        this.cacheSize = b.cacheSize;
        this.clock = b.clock;
        this.functions = Map.copyOf(b.functions);
        this.accessors = Collections.unmodifiableMap(new LinkedHashMap<>(b.accessors));
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param base a configuration to start from
     * @return a builder holding its limits, functions and accessors (each may then be set again)
     */
    public static Builder from(ExpressionConfig base) {
        Builder b = new Builder();
        b.maxSourceLength = base.maxSourceLength;
        b.maxDepth = base.maxDepth;
        b.maxCost = base.maxCost;
        b.maxStringLength = base.maxStringLength;
        b.maxListSize = base.maxListSize;
        b.cacheSize = base.cacheSize;
        b.clock = base.clock;
        b.functions.putAll(base.functions);
        b.accessors.putAll(base.accessors);
        return b;
    }

    /** @return the defaults: 4,096 characters, depth 100, cost 100,000, strings 65,536, lists 10,000 */
    public static ExpressionConfig ofDefaults() {
        return builder().build();
    }

    /** @return longest accepted source */
    public int maxSourceLength() {
        return maxSourceLength;
    }

    /** @return deepest accepted nesting */
    public int maxDepth() {
        return maxDepth;
    }

    /** @return evaluation steps allowed per evaluation */
    public long maxCost() {
        return maxCost;
    }

    /** @return longest string an evaluation may produce */
    public int maxStringLength() {
        return maxStringLength;
    }

    /** @return largest list or map an evaluation may produce */
    public int maxListSize() {
        return maxListSize;
    }

    /** @return how many compiled expressions are cached */
    public int cacheSize() {
        return cacheSize;
    }

    /** @return the clock behind {@code now} */
    public Clock clock() {
        return clock;
    }

    /** @return registered host functions */
    public Map<String, ExpressionFunction> functions() {
        return functions;
    }

    /**
     * @return registered member accessors by host type, in registration order; for an object the accessor of the
     *         most specific registered type it is an instance of answers
     */
    public Map<Class<?>, MemberAccessor<?>> accessors() {
        return accessors;
    }

    @Override
    public String toString() {
        return "ExpressionConfig{maxSourceLength=" + maxSourceLength + ", maxDepth=" + maxDepth + ", maxCost="
                + maxCost + ", maxStringLength=" + maxStringLength + ", maxListSize=" + maxListSize
                + ", functions=" + functions.keySet() + "}";
    }

    /** Fail-fast builder of {@link ExpressionConfig}. */
    public static final class Builder {
        private int maxSourceLength = 4096;
        private int maxDepth = 100;
        private long maxCost = 100_000;
        private int maxStringLength = 65_536;
        private int maxListSize = 10_000;
        private int cacheSize = 1000;
        private Clock clock = Clock.systemUTC();
        private final Map<String, ExpressionFunction> functions = new LinkedHashMap<>();
        private final Map<Class<?>, MemberAccessor<?>> accessors = new LinkedHashMap<>();

        private Builder() {
        }

        private static int range(String name, long v, long min, long max) {
            if (v < min || v > max) {
                throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "] but was " + v);
            }
            return (int) v;
        }

        /**
         * @param n longest source, 1 to 1,000,000
         * @return this builder
         */
        public Builder maxSourceLength(int n) {
            maxSourceLength = range("maxSourceLength", n, 1, 1_000_000);
            return this;
        }

        /**
         * @param n deepest nesting of the syntax tree, 1 to {@value ExpressionConfig#MAX_DEPTH}
         * @return this builder
         */
        public Builder maxDepth(int n) {
            maxDepth = range("maxDepth", n, 1, MAX_DEPTH);
            return this;
        }

        /**
         * @param n evaluation steps per evaluation, 1 to 100,000,000
         * @return this builder
         */
        public Builder maxCost(long n) {
            range("maxCost", n, 1, 100_000_000);
            maxCost = n;
            return this;
        }

        /**
         * @param n longest produced string, 1 to 16,777,216
         * @return this builder
         */
        public Builder maxStringLength(int n) {
            maxStringLength = range("maxStringLength", n, 1, 16_777_216);
            return this;
        }

        /**
         * @param n largest produced list or map, 1 to 10,000,000
         * @return this builder
         */
        public Builder maxListSize(int n) {
            maxListSize = range("maxListSize", n, 1, 10_000_000);
            return this;
        }

        /**
         * @param n compiled expressions cached, 0 to 1,000,000
         * @return this builder
         */
        public Builder cacheSize(int n) {
            cacheSize = range("cacheSize", n, 0, 1_000_000);
            return this;
        }

        /**
         * @param clock the clock behind {@code now}
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param name a function name: an ASCII identifier that is not a built-in function, macro, literal or a
         *             word CEL reserves (a function named {@code size} could never be called)
         * @param function the implementation
         * @return this builder
         * @throws IllegalArgumentException if the name is not allowed
         */
        public Builder function(String name, ExpressionFunction function) {
            Objects.requireNonNull(function, "function");
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("function name must be an identifier but was '" + name + "'");
            }
            if (RESERVED.contains(name)) {
                throw new IllegalArgumentException("function name '" + name
                        + "' is a built-in or reserved word of the expression language");
            }
            if (functions.putIfAbsent(name, function) != null) {
                throw new IllegalStateException("function '" + name + "' was already registered");
            }
            return this;
        }

        /**
         * @param type a host type
         * @param accessor reads its members
         * @param <T> the host type
         * @return this builder
         */
        public <T> Builder accessor(Class<T> type, MemberAccessor<? super T> accessor) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(accessor, "accessor");
            if (accessors.putIfAbsent(type, accessor) != null) {
                throw new IllegalStateException("an accessor for " + type.getName() + " was already registered");
            }
            return this;
        }

        /**
         * @return the configuration
         * @throws IllegalArgumentException if two accessor types have no order but one object could be an
         *         instance of both (two interfaces, or an interface and a non-final class): which one answers would
         *         be arbitrary, so register an accessor for the type that has both instead
         */
        public ExpressionConfig build() {
            List<Class<?>> types = new ArrayList<>(accessors.keySet());
            for (int i = 0; i < types.size(); i++) {
                for (int j = i + 1; j < types.size(); j++) {
                    Class<?> a = types.get(i);
                    Class<?> b = types.get(j);
                    if (!a.isAssignableFrom(b) && !b.isAssignableFrom(a) && mayShareInstances(a, b)) {
                        throw new IllegalArgumentException("accessors for " + a.getName() + " and " + b.getName()
                                + " could both apply to one object and neither type is more specific");
                    }
                }
            }
            return new ExpressionConfig(this);
        }

        private static boolean mayShareInstances(Class<?> a, Class<?> b) {
            if (a.isInterface() && b.isInterface()) {
                return true;
            }
            if (a.isInterface() || b.isInterface()) {
                Class<?> cls = a.isInterface() ? b : a;
                return !Modifier.isFinal(cls.getModifiers());
            }
            return false; // two unrelated classes: single inheritance keeps them apart
        }
    }
}
