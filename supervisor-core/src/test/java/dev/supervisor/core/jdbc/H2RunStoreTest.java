package dev.supervisor.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.spi.RunStore;
import dev.supervisor.api.spi.TaskClaims;
import dev.supervisor.testkit.RunEventLogContract;
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
}
