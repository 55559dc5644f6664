package dev.supervisor.core.cron.internal;

import dev.supervisor.api.spi.ScheduleState;
import dev.supervisor.api.spi.ScheduleStore;
import dev.supervisor.api.spi.StaleVersionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** Heap store with compare-and-set per schedule. */
public final class InMemoryScheduleStore implements ScheduleStore {
    private final ConcurrentSkipListMap<String, ScheduleState> states = new ConcurrentSkipListMap<>();

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
        ScheduleState[] stale = new ScheduleState[1];
        states.compute(updated.scheduleId(), (id, current) -> {
            if (current == null || current.version() != updated.version() - 1) {
                stale[0] = current;
                return current;
            }
            return updated;
        });
        if (stale[0] != null || !states.containsKey(updated.scheduleId())) {
            throw new StaleVersionException("stale change of schedule '" + updated.scheduleId() + "': caller held "
                    + "version " + (updated.version() - 1) + " but the store has "
                    + (stale[0] == null ? "none" : String.valueOf(stale[0].version())));
        }
        return updated;
    }

    @Override
    public boolean delete(String scheduleId) {
        return states.remove(scheduleId) != null;
    }

    @Override
    public List<ScheduleState> all() {
        return new ArrayList<>(states.values());
    }
}
