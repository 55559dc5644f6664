package dev.supervisor.core.jdbc;

import dev.supervisor.api.spi.RunStore;
import dev.supervisor.core.store.RunStoreContract;

class H2RunStoreTest extends RunStoreContract {
    @Override
    protected RunStore store() {
        return JdbcStores.runStore(Databases.h2());
    }
}
