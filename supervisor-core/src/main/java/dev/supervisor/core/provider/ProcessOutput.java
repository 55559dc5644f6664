package dev.supervisor.core.provider;

import java.time.Duration;

/**
 * What a finished process left behind, handed to an {@link AgentProfile} to read.
 *
 * @param exitCode the exit code
 * @param stdout standard output (UTF-8), within the provider's size cap
 * @param stderr the start of standard error (UTF-8), at most 64 KiB
 * @param duration how long the process ran
 */
public record ProcessOutput(int exitCode, String stdout, String stderr, Duration duration) {
}
