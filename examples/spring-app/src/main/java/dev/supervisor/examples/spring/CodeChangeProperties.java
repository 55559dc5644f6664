package dev.supervisor.examples.spring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The example's own settings; the supervisor, its store and its security are set by {@code supervisor.*}.
 *
 * @param schedule when the workflow runs by itself (Quartz cron)
 * @param zone the time zone of the schedule
 * @param workDelay how long each simulated step takes
 * @param demoApiKey a demo setting: at start, create an API key with every permission of the API and log it, so the
 *        API can be tried at once; never in production (configure {@code supervisor.security.jwt.*} or create keys
 *        with the {@code ApiKeys} bean from your own code instead)
 */
@ConfigurationProperties("codechange")
public record CodeChangeProperties(@DefaultValue("0 */5 * * * ?") String schedule, @DefaultValue("UTC") String zone,
                                   @DefaultValue("100ms") Duration workDelay,
                                   @DefaultValue("false") boolean demoApiKey) {
}
