package dev.supervisor.core.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.spi.RunRecord;
import dev.supervisor.api.spi.TaskRecord;
import dev.supervisor.core.jdbc.JdbcStoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Map;

/** Row ↔ record mapping. Instants are stored as epoch nanoseconds so they round-trip exactly. */
final class Codec {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TASK_COLUMNS = "run_id, task_id, idx, state, attempt, version, lease_owner, lease_expiry, "
            + "not_before, started_at, finished_at, output, error, item, branches, short_circuit";

    private Codec() {
    }

    static Long nanos(Instant t) {
        return t == null ? null : t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    static Instant instant(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000_000L),
                Math.floorMod(v, 1_000_000_000L));
    }

    static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    static String json(Object o) {
        if (o == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new JdbcStoreException("value is not JSON-compatible: " + e.getOriginalMessage(), e);
        }
    }

    static Object fromJson(String s) {
        if (s == null) {
            return null;
        }
        try {
            return JSON.readValue(s, Object.class);
        } catch (JsonProcessingException e) {
            throw new JdbcStoreException("stored value is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    static Map<String, Object> inputs(String s) {
        if (s == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(s, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new JdbcStoreException("stored inputs are not JSON: " + e.getOriginalMessage(), e);
        }
    }

    static RunRecord run(ResultSet rs) throws SQLException {
        return new RunRecord(rs.getString("run_id"), rs.getString("workflow_id"),
                RunStatus.valueOf(rs.getString("status")), inputs(rs.getString("inputs")), instant(rs, "created_at"),
                instant(rs, "finished_at"), rs.getLong("version"));
    }

    static TaskRecord task(ResultSet rs) throws SQLException {
        return new TaskRecord(rs.getString("run_id"), rs.getString("task_id"), rs.getInt("idx"),
                TaskState.valueOf(rs.getString("state")), rs.getInt("attempt"), rs.getLong("version"),
                rs.getString("lease_owner"), instant(rs, "lease_expiry"), instant(rs, "not_before"),
                instant(rs, "started_at"), instant(rs, "finished_at"), fromJson(rs.getString("output")),
                rs.getString("error"), fromJson(rs.getString("item")), branches(rs.getString("branches")),
                rs.getBoolean("short_circuit"));
    }

    @SuppressWarnings("unchecked")
    private static java.util.List<String> branches(String s) {
        return s == null ? null : (java.util.List<String>) fromJson(s);
    }

    /** Binds every task column in {@link #TASK_COLUMNS} order starting at {@code from}. */
    static int bindTask(PreparedStatement ps, int from, TaskRecord t) throws SQLException {
        int i = from;
        ps.setString(i++, t.runId());
        ps.setString(i++, t.taskId());
        ps.setInt(i++, t.index());
        ps.setString(i++, t.state().name());
        ps.setInt(i++, t.attempt());
        ps.setLong(i++, t.version());
        ps.setString(i++, t.leaseOwner());
        setLong(ps, i++, nanos(t.leaseExpiry()));
        setLong(ps, i++, nanos(t.notBefore()));
        setLong(ps, i++, nanos(t.startedAt()));
        setLong(ps, i++, nanos(t.finishedAt()));
        ps.setString(i++, json(t.output()));
        ps.setString(i++, t.error());
        ps.setString(i++, json(t.item()));
        ps.setString(i++, json(t.branches()));
        ps.setBoolean(i++, t.shortCircuited());
        return i;
    }
}
