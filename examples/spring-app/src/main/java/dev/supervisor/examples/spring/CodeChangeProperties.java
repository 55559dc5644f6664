package dev.supervisor.examples.spring;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The example's settings.
 *
 * @param schedule when the workflow runs by itself (Quartz cron)
 * @param zone the time zone of the schedule
 * @param workDelay how long each simulated step takes
 * @param maxConcurrency task attempts running at once
 * @param maxActiveRuns runs active at once; more are refused with 429
 * @param tokens bearer tokens of the API and the role each stands for ({@code admin}, {@code user},
 *        {@code viewer}…); when none is set, one admin token is made up and logged at start
 */
@ConfigurationProperties("codechange")
public record CodeChangeProperties(@DefaultValue("0 */5 * * * ?") String schedule, @DefaultValue("UTC") String zone,
                                   @DefaultValue("100ms") Duration workDelay, @DefaultValue("64") int maxConcurrency,
                                   @DefaultValue("2000") int maxActiveRuns, Map<String, String> tokens) {
}
