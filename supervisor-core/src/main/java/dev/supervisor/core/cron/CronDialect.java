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
 * <tr><td>SPRING</td><td>second minute hour dom month dow</td><td>as Spring's {@code CronExpression}: MON = 1 …
 *     SUN = 7, 0 is SUN too, {@code *} is 1–7 (so {@code *}{@code /2} is MON, WED, FRI, SUN), and SUN or 7 at the
 *     start of a range is day 0 (so {@code SUN-TUE} is Sunday to Tuesday, {@code MON-SUN} every day)</td>
 *     <td>AND ({@code ?} means {@code *})</td><td>{@code L L-n LW nW dL d#n}</td></tr>
 * </table>
 *
 * <p>The SPRING dialect is checked against Spring's own parser on thousands of random expressions. It refuses
 * three things Spring accepts: a step longer than its field ({@code 0/90}), a list mixing a day special with
 * other items ({@code 1,L}), and any non-ASCII character (Spring upper-cases {@code ſun} to {@code SUN}). And
 * where Spring moves {@code nW} from a Sunday that ends the month into the next month (so {@code 28W} skips a
 * February whose 28th is a Sunday), every dialect keeps Quartz's rule: the nearest weekday inside the month
 * (Friday the 26th). Spring also misses {@code 1W} on Monday the 3rd (the 1st being a Saturday) when its search
 * starts on the 2nd; ours does not depend on where the search starts.
 *
 * <p>All dialects accept names ({@code JAN}–{@code DEC}, {@code SUN}–{@code SAT}, any case), lists, ranges,
 * steps ({@code a-b/n}, {@code *}{@code /n}, {@code a/n}), zero-padded numbers and the macros {@code @yearly
 * @annually @monthly @weekly @daily @midnight @hourly}. Quartz also accepts wrapping ranges such as {@code 22-2}
 * or {@code FRI-MON}. Expressions are printable ASCII, at most {@value CronExpression#MAX_LENGTH} characters.
 */
public enum CronDialect {
    /** Five fields, minute resolution, POSIX day matching. */
    UNIX,
    /** Six or seven fields with seconds and optional year, Quartz specials and {@code ?}. */
    QUARTZ,
    /** Six fields with seconds, Spring's day matching (AND). */
    SPRING
}
