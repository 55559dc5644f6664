package dev.supervisor.spring.boot.web;

import dev.supervisor.auth.audit.AuditRecord;
import dev.supervisor.auth.audit.AuditSink;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Audit records the API can search. {@link #inMemory(int)} keeps the newest records and is also an
 * {@link AuditSink}: give it to the application's {@link dev.supervisor.auth.audit.AuditLog} (beside a durable
 * sink) and define it as a bean to serve {@code GET /supervisor/api/audit}.
 */
public interface AuditTrail {
    /**
     * @param event keep only this event name, or null for all
     * @param actor keep only this actor, or null for all
     * @param from keep records at or after this instant, or null
     * @param to keep records before this instant, or null
     * @param afterSequence keep records numbered above this (0 for all)
     * @param limit the most records
     * @return matching records, oldest first
     */
    List<AuditRecord> find(String event, String actor, Instant from, Instant to, long afterSequence, int limit);

    /**
     * @param capacity the most records kept; the oldest go first
     * @return a trail on the heap that is also a sink
     */
    static InMemory inMemory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive but was " + capacity);
        }
        return new InMemory(capacity);
    }

    /** The newest records on the heap; thread-safe. */
    final class InMemory implements AuditTrail, AuditSink {
        private final int capacity;
        private final ArrayDeque<AuditRecord> records = new ArrayDeque<>();

        private InMemory(int capacity) {
            this.capacity = capacity;
        }

        @Override
        public synchronized void accept(AuditRecord record) {
            records.addLast(record);
            if (records.size() > capacity) {
                records.removeFirst();
            }
        }

        @Override
        public synchronized List<AuditRecord> find(String event, String actor, Instant from, Instant to,
                                                   long afterSequence, int limit) {
            List<AuditRecord> out = new ArrayList<>();
            for (AuditRecord r : records) {
                if (out.size() >= limit) {
                    break;
                }
                if (r.sequence() > afterSequence && (event == null || event.equals(r.event()))
                        && (actor == null || actor.equals(r.actor()))
                        && (from == null || !r.timestamp().isBefore(from))
                        && (to == null || r.timestamp().isBefore(to))) {
                    out.add(r);
                }
            }
            return out;
        }
    }
}
