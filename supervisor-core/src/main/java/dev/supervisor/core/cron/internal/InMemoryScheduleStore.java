package dev.supervisor.core.cron.internal;

import dev.supervisor.api.spi.ScheduleState;
import dev.supervisor.api.spi.ScheduleStore;
import dev.supervisor.api.spi.StaleVersionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Comparator;
import java.util.concurrent.ConcurrentHashMap;

/** Heap store with compare-and-set per schedule. */
public final class InMemoryScheduleStore implements ScheduleStore {
    private final ConcurrentHashMap<String, ScheduleState> states = new ConcurrentHashMap<>();

    @Override
    public Optional<ScheduleState> find(String scheduleId) {
        return Optional.ofNullable(states.get(Objects.requireNonNull(scheduleId, "scheduleId")));
    }

    @Override
    public ScheduleState createIfAbsent(ScheduleState initial) {
        ScheduleState prior = states.putIfAbsent(initial.scheduleId(), initial);
        return prior != null ? prior : initial;
    }

    @Override
    public ScheduleState update(ScheduleState updated) {
        ScheduleState current = states.get(updated.scheduleId());
        if (current == null || current.version() != updated.version() - 1
                || !states.replace(updated.scheduleId(), current, updated)) {
            ScheduleState now = states.get(updated.scheduleId());
            throw new StaleVersionException("stale change of schedule '" + updated.scheduleId() + "': caller held "
                    + "version " + (updated.version() - 1) + " but the store has "
                    + (now == null ? "none" : String.valueOf(now.version())));
        }
        return updated;
    }

    @Override
    public boolean delete(String scheduleId) {
        return states.remove(scheduleId) != null;
    }

    @Override
    public List<ScheduleState> all() {
        List<ScheduleState> out = new ArrayList<>(states.values());
        out.sort(Comparator.comparing(ScheduleState::scheduleId));
        return out;
    }
}
