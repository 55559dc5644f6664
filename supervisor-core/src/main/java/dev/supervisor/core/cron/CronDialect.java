package dev.supervisor.core.cron;

/**
 * The cron flavours Supervisor reads. They differ in field count, day-of-week numbering and in how a
 * restricted day-of-month combines with a restricted day-of-week.
 *
 * <table>
 * <caption>Dialects</caption>
 * <tr><th>Dialect</th><th>Fields</th><th>Day of week</th><th>Day-of-month with day-of-week</th><th>Specials</th></tr>
 * <tr><td>UNIX</td><td>minute hour dom month dow</td><td>0–7, 0 and 7 = SUN</td>
 *     <td>POSIX: OR when both are restricted (a field is unrestricted only when it is exactly {@code *}, so
 *     {@code *}{@code /2} counts as restricted; Vixie cron's "star prefix means AND" rule is deliberately not
 *     copied)</td><td>none</td></tr>
 * <tr><td>QUARTZ</td><td>second minute hour dom month dow [year]</td><td>1–7, 1 = SUN</td>
 *     <td>exactly one of the two must be {@code ?}</td><td>{@code L L-n LW nW dL d#n}, {@code L} alone in
 *     day-of-week = Saturday</td></tr>
 * <tr><td>SPRING</td><td>second minute hour dom month dow</td><td>0–7, 0 and 7 = SUN</td>
 *     <td>AND ({@code ?} means {@code *})</td><td>{@code L L-n LW nW dL d#n}</td></tr>
 * </table>
 *
 * <p>All dialects accept names ({@code JAN}–{@code DEC}, {@code SUN}–{@code SAT}, any case), lists, ranges,
 * steps ({@code a-b/n}, {@code *}{@code /n}, {@code a/n}) and the macros {@code @yearly @annually @monthly @weekly
 * @daily @midnight @hourly}. Quartz also accepts wrapping ranges such as {@code 22-2} or {@code FRI-MON}.
 */
public enum CronDialect {
    /** Five fields, minute resolution, POSIX day matching. */
    UNIX,
    /** Six or seven fields with seconds and optional year, Quartz specials and {@code ?}. */
    QUARTZ,
    /** Six fields with seconds, Spring's day matching (AND). */
    SPRING
}
