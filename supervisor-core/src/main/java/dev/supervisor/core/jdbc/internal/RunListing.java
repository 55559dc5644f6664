package dev.supervisor.core.jdbc.internal;

import dev.supervisor.api.RunPage;
import dev.supervisor.api.RunQuery;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.spi.RunRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A page of {@code sup_run}, newest first, read with one statement: the cursor is a keyset condition on
 * (created_at, run_id), so a page costs the same however deep it is, and the order follows the
 * {@code sup_run_listing} indexes.
 */
final class RunListing {
    private RunListing() {
    }

    static RunPage page(Connection c, RunQuery q) throws SQLException {
        StringBuilder where = new StringBuilder();
        List<Object> args = new ArrayList<>();
        if (!q.statuses().isEmpty()) {
            where.append(" AND status IN (").append(String.join(", ", java.util.Collections.nCopies(
                    q.statuses().size(), "?"))).append(')');
            q.statuses().stream().map(RunStatus::name).sorted().forEach(args::add);
        }
        q.workflowId().ifPresent(w -> {
            where.append(" AND workflow_id = ?");
            args.add(w);
        });
        q.createdFrom().ifPresent(t -> {
            where.append(" AND created_at >= ?");
            args.add(Codec.nanos(t));
        });
        q.createdTo().ifPresent(t -> {
            where.append(" AND created_at < ?");
            args.add(Codec.nanos(t));
        });
        q.after().ifPresent(p -> {
            where.append(" AND (created_at < ? OR (created_at = ? AND run_id < ?))");
            args.add(Codec.nanos(p.createdAt()));
            args.add(Codec.nanos(p.createdAt()));
            args.add(p.runId());
        });
        String sql = "SELECT run_id, workflow_id, status, inputs, created_at, finished_at, version FROM sup_run"
                + (where.length() == 0 ? "" : " WHERE" + where.substring(4))
                + " ORDER BY created_at DESC, run_id DESC FETCH FIRST " + (q.limit() + 1) + " ROWS ONLY";
        List<RunRecord> runs = new ArrayList<>(q.limit() + 1);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                Object a = args.get(i);
                if (a instanceof Long l) {
                    ps.setLong(i + 1, l);
                } else {
                    ps.setString(i + 1, (String) a);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    runs.add(Codec.run(rs));
                }
            }
        }
        return RunPage.of(runs, q);
    }
}
