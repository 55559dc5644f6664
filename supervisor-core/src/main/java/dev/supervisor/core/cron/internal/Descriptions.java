package dev.supervisor.core.cron.internal;

import com.cronutils.descriptor.CronDescriptor;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import dev.supervisor.core.cron.CronDialect;
import java.util.Locale;
import java.util.Map;

/**
 * Human sentences through cron-utils' descriptor, which already covers the three dialects. Our parser has
 * accepted the text before this runs; if cron-utils cannot read a form it lacks, we say so plainly instead of
 * failing.
 */
public final class Descriptions {
    private static final Map<String, String> MACROS = Map.of(
            "@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *", "@monthly", "0 0 1 * *",
            "@weekly", "0 0 * * 0", "@daily", "0 0 * * *", "@midnight", "0 0 * * *", "@hourly", "0 * * * *");

    private Descriptions() {
    }

    /**
     * @param text an expression our parser accepted
     * @param dialect its dialect
     * @return an English description
     */
    public static String describe(String text, CronDialect dialect) {
        String trimmed = text.trim();
        String macro = MACROS.get(trimmed.toLowerCase(Locale.ROOT));
        CronType type = macro != null ? CronType.UNIX : switch (dialect) {
            case UNIX -> CronType.UNIX;
            case QUARTZ -> CronType.QUARTZ;
            case SPRING -> CronType.SPRING53;
        };
        String source = macro != null ? macro : trimmed;
        try {
            var parser = new com.cronutils.parser.CronParser(CronDefinitionBuilder.instanceDefinitionFor(type));
            return CronDescriptor.instance(Locale.ENGLISH).describe(parser.parse(source));
        } catch (RuntimeException e) {
            return "on the " + dialect + " cron schedule \"" + trimmed + "\"";
        }
    }
}
