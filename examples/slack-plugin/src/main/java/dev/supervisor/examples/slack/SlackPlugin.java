package dev.supervisor.examples.slack;

import dev.supervisor.api.event.SupervisorEvent;
import dev.supervisor.api.plugin.ExtensionPoint;
import dev.supervisor.api.plugin.NotificationChannel;
import dev.supervisor.api.plugin.Plugin;
import dev.supervisor.api.plugin.PluginContext;
import dev.supervisor.api.plugin.PluginHealth;
import dev.supervisor.api.plugin.SupervisorPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts run and task events to a Slack incoming webhook.
 *
 * <p>The host grants: {@code events}; {@code secret:slack.webhook} (the webhook URL, kept as a secret); the
 * webhook's host ({@code http:hooks.slack.com}; the plugin asks for {@code http:*} so that the host decides);
 * {@code schedule} (to wait out rate limits). Settings: {@code events} (default {@code RunFinished,TaskFailed}) and
 * {@code template.<EventType>} (see {@link MessageTemplates}).
 */
@SupervisorPlugin(id = "slack", version = "1.0.0", requires = ">=1.0 <2",
        capabilities = {"events", "secret:slack.webhook", "http:*", "schedule"},
        description = "Posts run and task events to a Slack incoming webhook")
public final class SlackPlugin implements Plugin {
    private static final Logger LOG = LoggerFactory.getLogger(SlackPlugin.class);
    private volatile SlackSender sender;

    @Override
    public void start(PluginContext ctx) {
        SlackWebhook webhook = SlackWebhook.of(ctx.secret("slack.webhook"));
        MessageTemplates templates = new MessageTemplates(ctx.settings());
        SlackSender s = new SlackSender(ctx, webhook);
        ctx.register(ExtensionPoint.NOTIFICATION, new NotificationChannel() {
            @Override
            public boolean accepts(SupervisorEvent event) {
                return templates.wants(event);
            }

            @Override
            public void send(SupervisorEvent event) {
                s.send(templates.render(event));
            }
        });
        sender = s;
        LOG.info("posting to Slack webhook {}", webhook);
    }

    @Override
    public void stop() {
        SlackSender s = sender;
        if (s != null) {
            LOG.info("stopped: {}", s.stats());
        }
        sender = null;
    }

    @Override
    public PluginHealth health() {
        SlackSender s = sender;
        return s == null ? PluginHealth.down("not started") : s.health();
    }
}
