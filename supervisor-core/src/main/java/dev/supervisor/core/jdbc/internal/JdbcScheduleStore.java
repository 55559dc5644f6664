package dev.supervisor.core.jdbc.internal;

import dev.supervisor.api.spi.ScheduleState;
import dev.supervisor.api.spi.ScheduleStore;
import dev.supervisor.api.spi.StaleVersionException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** {@link ScheduleStore} on {@code sup_schedule}: compare-and-set on the version, so one node wins each fire. */
public final class JdbcScheduleStore implements ScheduleStore {
    private final Sql sql;

    /** @param ds the database, already migrated */
    public JdbcScheduleStore(DataSource ds) {
        this.sql = new Sql(ds);
    }

    @Override
    public Optional<ScheduleState> find(String scheduleId) {
        return sql.read("find schedule " + scheduleId, c -> find(c, scheduleId));
    }

    private static Optional<ScheduleState> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM sup_schedule WHERE schedule_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(state(rs)) : Optional.empty();
            }
        }
    }

    @Override
    public ScheduleState createIfAbsent(ScheduleState initial) {
        return sql.tx("create schedule " + initial.scheduleId(), c -> {
            Optional<ScheduleState> existing = find(c, initial.scheduleId());
            if (existing.isPresent()) {
                return existing.get();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sup_schedule (schedule_id, fingerprint, "
                    + "next_fire, last_fire, paused, completed, version) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                bind(ps, initial);
                ps.executeUpdate();
                return initial;
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) {
                    throw new java.sql.SQLTransientException("schedule created concurrently", "40001", e);
                }
                throw e;
            }
        });
    }

    @Override
    public ScheduleState update(ScheduleState u) {
        int rows = sql.tx("update schedule " + u.scheduleId(), c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sup_schedule SET fingerprint = ?, next_fire = ?, "
                    + "last_fire = ?, paused = ?, completed = ?, version = ? WHERE schedule_id = ? AND version = ?")) {
                ps.setString(1, u.fingerprint());
                Codec.setLong(ps, 2, Codec.nanos(u.nextFire()));
                Codec.setLong(ps, 3, Codec.nanos(u.lastFire()));
                ps.setBoolean(4, u.paused());
                ps.setBoolean(5, u.completed());
                ps.setLong(6, u.version());
                ps.setString(7, u.scheduleId());
                ps.setLong(8, u.version() - 1);
                return ps.executeUpdate();
            }
        });
        if (rows == 0) {
            String actual = find(u.scheduleId()).map(s -> String.valueOf(s.version())).orElse("none");
            throw new StaleVersionException("stale change of schedule '" + u.scheduleId() + "': caller held version "
                    + (u.version() - 1) + " but the store has " + actual);
        }
        return u;
    }

    @Override
    public boolean delete(String scheduleId) {
        return sql.tx("delete schedule " + scheduleId, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sup_schedule WHERE schedule_id = ?")) {
                ps.setString(1, scheduleId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public List<ScheduleState> all() {
        return sql.read("list schedules", c -> {
            List<ScheduleState> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM sup_schedule ORDER BY schedule_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(state(rs));
                }
            }
            return out;
        });
    }

    private static void bind(PreparedStatement ps, ScheduleState s) throws SQLException {
        ps.setString(1, s.scheduleId());
        ps.setString(2, s.fingerprint());
        Codec.setLong(ps, 3, Codec.nanos(s.nextFire()));
        Codec.setLong(ps, 4, Codec.nanos(s.lastFire()));
        ps.setBoolean(5, s.paused());
        ps.setBoolean(6, s.completed());
        ps.setLong(7, s.version());
    }

    private static ScheduleState state(ResultSet rs) throws SQLException {
        return new ScheduleState(rs.getString("schedule_id"), rs.getString("fingerprint"),
                Codec.instant(rs, "next_fire"), Codec.instant(rs, "last_fire"), rs.getBoolean("paused"),
                rs.getBoolean("completed"), rs.getLong("version"));
    }
}
