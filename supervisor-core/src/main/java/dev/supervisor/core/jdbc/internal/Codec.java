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
    static final int TASK_COLUMN_COUNT = 16;

    /** @return {@link #TASK_COLUMNS} each qualified by a table alias, e.g. {@code "t."} */
    static String taskColumns(String alias) {
        return alias + TASK_COLUMNS.replace(", ", ", " + alias);
    }

    private Codec() {
    }

    static Long nanos(Instant t) {
        return t == null ? null : t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    static Instant instant(ResultSet rs, String col) throws SQLException {
        return instant(rs, rs.findColumn(col));
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

    /**
     * A task row read as {@link #TASK_COLUMNS}, in that order ({@code SELECT} or {@code RETURNING} them, never
     * {@code *}): by position, as a run's owner reads every row of a large run and name lookups add up.
     */
    static TaskRecord task(ResultSet rs) throws SQLException {
        return new TaskRecord(rs.getString(1), rs.getString(2), rs.getInt(3), TaskState.valueOf(rs.getString(4)),
                rs.getInt(5), rs.getLong(6), rs.getString(7), instant(rs, 8), instant(rs, 9), instant(rs, 10),
                instant(rs, 11), fromJson(rs.getString(12)), rs.getString(13), fromJson(rs.getString(14)),
                branches(rs.getString(15)), rs.getBoolean(16));
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000_000L),
                Math.floorMod(v, 1_000_000_000L));
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
