package dev.supervisor.core.provider;

import dev.supervisor.api.TaskDeferredException;
import dev.supervisor.api.provider.Money;
import dev.supervisor.api.provider.ProviderAttempt;
import dev.supervisor.api.provider.TokenUsage;
import dev.supervisor.api.spi.AttemptReport;
import dev.supervisor.api.provider.ProviderRequest;
import dev.supervisor.api.provider.ProviderResult;
import dev.supervisor.api.provider.RouteOutcome;
import dev.supervisor.api.spi.TaskContext;
import dev.supervisor.api.spi.TaskHandler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A {@link TaskHandler} that sends each task through a {@link ProviderRouter}. The prompt comes from the task's
 * config key {@code prompt} (or a function of the context); optional keys: {@code model}, {@code maxOutputTokens},
 * {@code affinityKey}, {@code tenant}, {@code workingDirectory}, {@code capabilities}, {@code preferred},
 * {@code excluded}. A success returns a map with {@code output}, {@code provider}, {@code model},
 * {@code inputTokens}, {@code outputTokens}, {@code cost}, {@code currency} and {@code attempts}. The attempt
 * reports its provider, cost and calls to the engine ({@link TaskContext#report}), which puts them on its events. A
 * task deferred by a quota throws {@link TaskDeferredException} (it waits without failing); anything else throws
 * {@link ProviderRoutingException} carrying the provider history, so the engine's retry policy and events see a
 * failure.
 */
public final class ProviderTaskHandler implements TaskHandler {
    private final ProviderRouter router;
    private final Function<TaskContext, String> prompt;

    private ProviderTaskHandler(ProviderRouter router, Function<TaskContext, String> prompt) {
        this.router = Objects.requireNonNull(router, "router");
        this.prompt = Objects.requireNonNull(prompt, "prompt");
    }

    /**
     * @param router the router
     * @return a handler reading the prompt from the task config key {@code prompt}
     */
    public static ProviderTaskHandler of(ProviderRouter router) {
        return new ProviderTaskHandler(router, ctx -> {
            Object p = ctx.task().config().get("prompt");
            if (!(p instanceof String s) || s.isEmpty()) {
                throw new IllegalArgumentException("task '" + ctx.task().id() + "' needs a non-empty string 'prompt'"
                        + " in its config");
            }
            return s;
        });
    }

    /**
     * @param router the router
     * @param prompt builds the prompt from the task, its inputs and upstream outputs
     * @return a handler
     */
    public static ProviderTaskHandler of(ProviderRouter router, Function<TaskContext, String> prompt) {
        return new ProviderTaskHandler(router, prompt);
    }

    /**
     * @param ctx the attempt
     * @return the request the handler would route
     */
    public ProviderRequest request(TaskContext ctx) {
        Map<String, Object> c = ctx.task().config();
        ProviderRequest.Builder b = ProviderRequest.builder(ctx.task().id(), ctx.task().type(), prompt.apply(ctx))
                .run(ctx.runId(), ctx.workflowId()).priority(ctx.task().priority()).cancellation(ctx::isCancelled);
        ctx.task().timeout().ifPresent(b::timeout);
        if (c.get("model") instanceof String s) {
            b.model(s);
        }
        if (c.get("maxOutputTokens") instanceof Number n) {
            b.maxOutputTokens(n.longValue());
        }
        if (c.get("affinityKey") instanceof String s) {
            b.affinityKey(s);
        }
        if (c.get("tenant") instanceof String s) {
            b.tenant(s);
        }
        if (c.get("workingDirectory") instanceof String s) {
            b.workingDirectory(Path.of(s));
        }
        b.capabilities(strings(c, "capabilities")).preferred(strings(c, "preferred")).excluded(strings(c, "excluded"));
        return b.build();
    }

    private static String[] strings(Map<String, Object> c, String key) {
        Object v = c.get(key);
        if (v == null) {
            return new String[0];
        }
        if (v instanceof List<?> l && l.stream().allMatch(String.class::isInstance)) {
            return l.toArray(new String[0]);
        }
        throw new IllegalArgumentException("config '" + key + "' must be a list of strings but was " + v);
    }

    @Override
    public Object execute(TaskContext ctx) throws Exception {
        RouteOutcome o = router.route(request(ctx));
        ctx.report(report(o));
        if (o.status() == RouteOutcome.Status.DEFERRED && o.retryAt() != null) {
            throw new TaskDeferredException(o.retryAt(), o.reason()); // waits without failing (see the engine)
        }
        ProviderResult.Success ok = o.success().orElseThrow(() -> new ProviderRoutingException(o));
        ProviderAttempt last = o.attempts().get(o.attempts().size() - 1);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("output", ok.output());
        out.put("provider", last.providerId());
        out.put("model", ok.model());
        out.put("inputTokens", ok.usage().input());
        out.put("outputTokens", ok.usage().output());
        out.put("cost", ok.cost().amount().toPlainString());
        out.put("currency", ok.cost().currency().getCurrencyCode());
        out.put("attempts", history(o));
        return out;
    }

    /** What the engine puts on the attempt's events: the provider that answered (or was tried last), cost, calls. */
    static AttemptReport report(RouteOutcome o) {
        long in = 0;
        long out = 0;
        Money cost = null;
        String model = null;
        for (ProviderAttempt a : o.attempts()) {
            if (a.result() instanceof ProviderResult.Success s) {
                in += s.usage().input();
                out += s.usage().output();
                cost = cost == null ? s.cost() : cost.plus(s.cost());
                model = s.model();
            } else if (a.result() instanceof ProviderResult.Failure f && f.usage() != null) {
                in += f.usage().input();
                out += f.usage().output();
            }
        }
        String provider = o.attempts().isEmpty() ? "router" : o.attempts().get(o.attempts().size() - 1).providerId();
        return new AttemptReport(provider, model, new TokenUsage(in, out), cost, o.attempts());
    }

    /** @return the provider history as JSON-compatible maps */
    static List<Object> history(RouteOutcome o) {
        List<Object> attempts = new ArrayList<>();
        for (ProviderAttempt a : o.attempts()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("provider", a.providerId());
            m.put("startedAt", a.startedAt().toString());
            if (a.result() instanceof ProviderResult.Failure f) {
                m.put("failure", f.kind().name());
                m.put("message", f.message());
            } else {
                m.put("failure", null);
            }
            attempts.add(m);
        }
        return attempts;
    }
}
