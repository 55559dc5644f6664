package dev.supervisor.core.provider;

import dev.supervisor.api.provider.Money;
import java.util.Objects;

/**
 * A spending cap, enforced before each call: a provider whose estimated cost for the request would take spending
 * (settled plus reserved by calls in flight) over the cap is not chosen, and if no provider fits, the task fails.
 *
 * @param scope what the cap applies to
 * @param limit the cap
 */
public record Budget(Scope scope, Money limit) {

    /** What a budget caps. */
    public enum Scope {
        /** Each run separately. */
        RUN,
        /** Each workflow separately, across its runs. */
        WORKFLOW,
        /** Each tenant separately. */
        TENANT,
        /** All spending of a calendar day in the router's zone. */
        DAY
    }

    /** Checks that no component is null. */
    public Budget {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(limit, "limit");
    }

    /** @param limit the cap @return a cap per run */
    public static Budget perRun(Money limit) {
        return new Budget(Scope.RUN, limit);
    }

    /** @param limit the cap @return a cap per workflow */
    public static Budget perWorkflow(Money limit) {
        return new Budget(Scope.WORKFLOW, limit);
    }

    /** @param limit the cap @return a cap per tenant */
    public static Budget perTenant(Money limit) {
        return new Budget(Scope.TENANT, limit);
    }

    /** @param limit the cap @return a cap per calendar day */
    public static Budget perDay(Money limit) {
        return new Budget(Scope.DAY, limit);
    }
}
