package dev.supervisor.core.provider.internal;

import dev.supervisor.api.provider.ProviderLimits;
import dev.supervisor.api.provider.QuotaResource;
import dev.supervisor.api.provider.QuotaWindow;
import java.time.ZoneId;

/**
 * The request and token windows of one scope: a provider, or an API key shared by several providers. Reports
 * crossings of 80, 95 and 100 % once each, re-armed when use falls below 80 %.
 */
final class Quota {
    private static final int[] THRESHOLDS = {80, 95, 100};
    private static final QuotaWindow[] WINDOWS = QuotaWindow.values();

    final String scope;
    /** [resource * 3 + window], null where unlimited. */
    private final Window[] windows = new Window[6];
    private final int[] reported = new int[6];
    /** The windows that exist, and for each whether it counts requests (else tokens): the hot check loops these. */
    private final Window[] live;
    private final boolean[] liveRequests;

    Quota(String scope, ProviderLimits limits, ZoneId zone) {
        this.scope = scope;
        for (QuotaWindow w : WINDOWS) {
            set(QuotaResource.REQUESTS, w, limits.requestsPer(w), zone);
            set(QuotaResource.TOKENS, w, limits.tokensPer(w), zone);
        }
        int n = 0;
        for (Window w : windows) {
            n += w == null ? 0 : 1;
        }
        live = new Window[n];
        liveRequests = new boolean[n];
        for (int i = 0, j = 0; i < 6; i++) {
            if (windows[i] != null) {
                live[j] = windows[i];
                liveRequests[j++] = i < 3;
            }
        }
    }

    private void set(QuotaResource r, QuotaWindow w, long limit, ZoneId zone) {
        if (limit > 0) {
            windows[r.ordinal() * 3 + w.ordinal()] = w == QuotaWindow.DAY ? Window.daily(limit, zone)
                    : Window.sliding(limit, w.length().toMillis());
        }
    }

    /** @return true if one more request of {@code tokens} fits every window now */
    boolean admits(long now, long tokens) {
        for (int i = 0; i < live.length; i++) {
            if (!live[i].fits(now, liveRequests[i] ? 1 : tokens)) {
                return false;
            }
        }
        return true;
    }

    /** @return the earliest time one more request of {@code tokens} fits every window */
    long freeAt(long now, long tokens) {
        long t = now;
        for (int i = 0; i < 6; i++) {
            Window w = windows[i];
            if (w != null) {
                t = Math.max(t, w.freeAt(now, i < 3 ? 1 : tokens));
            }
        }
        return t;
    }

    /** @return true if the blocking window is a daily one (then waiting means until midnight) */
    boolean blockedByDay(long now, long tokens) {
        Window r = windows[QuotaWindow.DAY.ordinal()];
        Window t = windows[3 + QuotaWindow.DAY.ordinal()];
        return r != null && !r.fits(now, 1) || t != null && !t.fits(now, tokens);
    }

    /** Counts one request reserving {@code tokens}; fills {@code ids} with the buckets to settle against. */
    void reserve(long now, long tokens, long[] ids, Events events) {
        for (int i = 0; i < 6; i++) {
            Window w = windows[i];
            if (w != null) {
                ids[i] = w.add(now, i < 3 ? 1 : tokens);
                check(i, now, events);
            }
        }
    }

    /** Replaces the reserved tokens by the reported ones. */
    void settle(long now, long[] ids, long delta, Events events) {
        for (int i = 3; i < 6; i++) {
            Window w = windows[i];
            if (w != null && delta != 0) {
                w.adjust(now, ids[i], delta);
                check(i, now, events);
            }
        }
    }

    private void check(int i, long now, Events events) {
        Window w = windows[i];
        long used = w.used(now);
        long pct = used * 100 / w.limit;
        if (pct < 80) {
            reported[i] = 0;
            return;
        }
        for (int t : THRESHOLDS) {
            if (pct >= t && reported[i] < t) {
                reported[i] = t;
                events.quota(scope, WINDOWS[i % 3], i < 3 ? QuotaResource.REQUESTS : QuotaResource.TOKENS, t, used,
                        w.limit);
            }
        }
    }
}
