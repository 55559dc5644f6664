package dev.supervisor.core.jdbc;

import dev.supervisor.api.spi.RunStore;
import dev.supervisor.core.engine.SupervisorResumeTest;

/** The engine's crash/resume scenarios with every transition written to a real PostgreSQL. */
class PostgresSupervisorResumeTest extends SupervisorResumeTest {
    @Override
    protected RunStore createStore() {
        return JdbcStores.runStore(Databases.postgres());
    }
}
