package dev.supervisor.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.spi.RunRecord;
import dev.supervisor.api.spi.RunStore;
import dev.supervisor.api.spi.TaskClaims;
import dev.supervisor.api.spi.TaskRecord;
import dev.supervisor.testkit.RunEventLogContract;
import dev.supervisor.testkit.RunStoreContract;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** H2 keeps runs and their events; claims need PostgreSQL's SKIP LOCKED. */
class H2RunStoreTest extends RunEventLogContract {
    @Override
    protected RunStore store() {
        return JdbcStores.runStore(Databases.h2());
    }

    @Test
    void capability_noClaimsOnH2() {
        assertThat(store().capability(TaskClaims.class)).isEmpty();
    }

    @Test
    void workflow_readAgain_isTheDefinitionParsedOnce() {
        DataSource ds = Databases.h2();
        RunStore writer = JdbcStores.runStore(ds);
        WorkflowSpec spec = RunStoreContract.workflowOf("t0", "t1");
        writer.createRun(new RunRecord("r", spec.id(), RunStatus.RUNNING, Map.of(), Instant.EPOCH, null, 0), spec,
                List.of(TaskRecord.pending("r", "t0", 0), TaskRecord.pending("r", "t1", 1)));
        assertThat(writer.workflow("r")).containsSame(spec);

        RunStore reader = JdbcStores.runStore(ds); // another node: reads the stored definition
        WorkflowSpec first = reader.workflow("r").orElseThrow();
        assertThat(first).isNotSameAs(spec);
        assertThat(first.tasks()).extracting(TaskSpec::id).containsExactly("t0", "t1");
        assertThat(reader.workflow("r")).containsSame(first);
        assertThat(reader.workflow("no-such-run")).isEmpty();
    }
}
