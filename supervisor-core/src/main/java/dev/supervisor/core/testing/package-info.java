/**
 * Deterministic time for tests of code that uses Supervisor: a clock that only moves when told to and runs
 * scheduled actions as it passes their due time.
 */
package dev.supervisor.core.testing;
