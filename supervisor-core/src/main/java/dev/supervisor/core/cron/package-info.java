/**
 * Cron expressions and schedules: three dialects (UNIX, Quartz, Spring) compiled to bit sets, fire times computed
 * in a {@link java.time.ZoneId} under explicit daylight-saving policies, and a scheduler that starts workflows from
 * schedules with misfire, overlap, pause and persistence rules.
 *
 * <h2>Daylight saving</h2>
 * A wall-clock time that does not exist (spring-forward gap) follows a {@link dev.supervisor.core.cron.DstGapPolicy};
 * one that happens twice (fall-back overlap) follows a {@link dev.supervisor.core.cron.DstOverlapPolicy}. Schedules
 * whose hour field is {@code *} or a single step measure elapsed time and fire in both passes by default; schedules
 * naming their hours (a value, a range, a list, even a list containing a step) fire once, in the first pass.
 */
package dev.supervisor.core.cron;
