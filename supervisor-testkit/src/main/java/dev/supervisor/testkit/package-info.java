/**
 * Contract tests for third-party implementations of the store SPI ({@code dev.supervisor.api.spi}): the same
 * JUnit 5 tests every built-in store passes. Add {@code supervisor-testkit} as a test dependency and extend
 * {@link dev.supervisor.testkit.RunStoreContract}, {@link dev.supervisor.testkit.RunEventLogContract} or
 * {@link dev.supervisor.testkit.TaskClaimsContract}, whichever capabilities the store has.
 */
package dev.supervisor.testkit;
