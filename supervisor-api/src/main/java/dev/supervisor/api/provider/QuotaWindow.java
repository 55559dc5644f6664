package dev.supervisor.api.provider;

import java.time.Duration;

/** The windows over which requests and tokens are limited. */
public enum QuotaWindow {
    /** Any sliding 60 seconds. */
    MINUTE(Duration.ofMinutes(1), "Minute"),
    /** Any sliding 60 minutes. */
    HOUR(Duration.ofHours(1), "Hour"),
    /** A calendar day in the router's zone, reset at midnight. */
    DAY(Duration.ofDays(1), "Day");

    private final Duration length;
    private final String label;

    QuotaWindow(Duration length, String label) {
        this.length = length;
        this.label = label;
    }

    /** @return the nominal length */
    public Duration length() {
        return length;
    }

    /** @return {@code Minute}, {@code Hour} or {@code Day}, as used in option names */
    public String label() {
        return label;
    }
}
