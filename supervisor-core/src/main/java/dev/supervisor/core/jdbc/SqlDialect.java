package dev.supervisor.core.jdbc;

/** The databases the JDBC stores speak. */
public enum SqlDialect {
    /** PostgreSQL 12 or later: claims use {@code FOR UPDATE SKIP LOCKED}. */
    POSTGRESQL,
    /** H2 2.x (embedded or file): claims use {@code FOR UPDATE}. */
    H2;

    /**
     * @param productName {@link java.sql.DatabaseMetaData#getDatabaseProductName()}
     * @return the dialect
     * @throws JdbcStoreException for other databases
     */
    public static SqlDialect of(String productName) {
        if (productName != null && productName.toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
            return POSTGRESQL;
        }
        if (productName != null && productName.toLowerCase(java.util.Locale.ROOT).contains("h2")) {
            return H2;
        }
        throw new JdbcStoreException("unsupported database '" + productName + "' (PostgreSQL and H2 are)", null);
    }
}
