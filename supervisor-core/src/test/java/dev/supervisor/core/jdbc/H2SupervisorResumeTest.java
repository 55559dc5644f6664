package dev.supervisor.core.jdbc;

import dev.supervisor.api.spi.RunStore;
import dev.supervisor.core.engine.SupervisorResumeTest;

/** The engine's crash/resume scenarios on H2. */
class H2SupervisorResumeTest extends SupervisorResumeTest {
    @Override
    protected RunStore createStore() {
        return JdbcStores.runStore(Databases.h2());
    }
}
