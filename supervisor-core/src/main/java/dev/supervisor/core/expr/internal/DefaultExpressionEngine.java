package dev.supervisor.core.expr.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.supervisor.core.expr.Expression;
import dev.supervisor.core.expr.ExpressionConfig;
import dev.supervisor.core.expr.ExpressionEngine;
import dev.supervisor.core.expr.ExpressionException;
import java.util.Map;
import java.util.Objects;

/** Compiles through {@link Parser} and caches compiled trees by source text. */
public final class DefaultExpressionEngine implements ExpressionEngine {
    private final ExpressionConfig config;
    private final Cache<String, Expression> cache;

    /**
     * @param config limits and extensions
     */
    public DefaultExpressionEngine(ExpressionConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.cache = Caffeine.newBuilder().maximumSize(config.cacheSize()).build();
    }

    @Override
    public Expression compile(String source) {
        Objects.requireNonNull(source, "source");
        if (source.length() > config.maxSourceLength() || config.cacheSize() == 0) {
            return compileNow(source); // over-long sources only report the limit; never cache them
        }
        return cache.get(source, this::compileNow);
    }

    private Expression compileNow(String source) {
        Node root = Parser.parse(source, config);
        return new Compiled(source, root, config);
    }

    @Override
    public ExpressionConfig config() {
        return config;
    }

    private record Compiled(String source, Node root, ExpressionConfig config) implements Expression {
        @Override
        public Object evaluate(Map<String, ?> variables) {
            Env env = new Env(config, source, variables == null ? Map.of() : variables);
            try {
                return root.eval(env);
            } catch (ExpressionException e) {
                throw e;
            } catch (StackOverflowError e) {
                throw new ExpressionException("expression or data too deeply nested to evaluate", source, root.pos);
            } catch (RuntimeException e) {
                // Host data that fails while being read (a list changing under iteration, a broken map).
                throw new ExpressionException("evaluation failed while reading host data", source, root.pos, e);
            }
        }

        @Override
        public boolean test(Map<String, ?> variables) {
            Object v = evaluate(variables);
            if (v instanceof Boolean b) {
                return b;
            }
            throw new ExpressionException("expected a bool result but got " + Values.typeName(v), source, root.pos);
        }

        @Override
        public String toString() {
            return "Expression[" + source + "]";
        }
    }
}
