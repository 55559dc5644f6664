package dev.supervisor.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The event log's instant text is exactly {@link Instant#toString()}'s, which readers parse with the JDK. */
class InstantTextTest {

    @Test
    void format_ofSeededRandomInstants_isTheJdksText() {
        long seed = System.nanoTime();
        System.out.println("InstantTextTest seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        char[] buf = new char[InstantText.MAX];
        for (int i = 0; i < 200_000; i++) {
            long sec = switch (i % 4) {
                case 0 -> random.nextLong(-62_167_219_200L, 253_402_300_800L); // years 0 to 9999
                case 1 -> random.nextLong(1_500_000_000L, 2_000_000_000L); // now-ish
                case 2 -> random.nextLong(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond());
                default -> random.nextLong(-100_000_000_000L, 400_000_000_000L); // around the fast path's edges
            };
            int nano = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            if (random.nextInt(8) == 0) {
                sec -= Math.floorMod(sec, 60); // whole minutes: the JDK's time text drops zero seconds
            }
            Instant t = Instant.ofEpochSecond(sec, nano);
            assertThat(new String(buf, 0, InstantText.format(t, buf))).as("seed %d", seed).isEqualTo(t.toString());
        }
    }

    @Test
    void format_atTheEdgesOfFourDigitYears_isTheJdksText() {
        char[] buf = new char[InstantText.MAX];
        for (String s : new String[] {"0000-01-01T00:00:00Z", "-0001-12-31T23:59:59.999999999Z",
            "9999-12-31T23:59:59.999999999Z", "+10000-01-01T00:00:00Z", "1970-01-01T00:00:00Z",
            "1969-12-31T23:59:59.000000001Z", "2024-02-29T12:00:00.100Z", "2026-12-07T20:00:00.000100Z"}) {
            Instant t = Instant.parse(s);
            assertThat(new String(buf, 0, InstantText.format(t, buf))).isEqualTo(t.toString());
        }
        assertThat(new String(buf, 0, InstantText.format(Instant.MIN, buf))).isEqualTo(Instant.MIN.toString());
        assertThat(new String(buf, 0, InstantText.format(Instant.MAX, buf))).isEqualTo(Instant.MAX.toString());
    }
}
