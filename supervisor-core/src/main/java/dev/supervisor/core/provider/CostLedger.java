package dev.supervisor.core.provider;

/**
 * Tokens and money spent through a router, per task, run, workflow, provider and tenant, and in total. Scopes never
 * seen report zero. Amounts are exact and in the router's one currency.
 */
public interface CostLedger {
    /** @return everything */
    CostSummary total();

    /** @param providerId a provider @return its spending */
    CostSummary provider(String providerId);

    /** @param runId a run @return its spending */
    CostSummary run(String runId);

    /** @param runId the run @param taskId a task of it @return the task's spending */
    CostSummary task(String runId, String taskId);

    /** @param workflowId a workflow @return its spending across runs */
    CostSummary workflow(String workflowId);

    /** @param tenant a tenant @return its spending */
    CostSummary tenant(String tenant);
}
