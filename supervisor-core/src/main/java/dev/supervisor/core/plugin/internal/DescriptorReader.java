package dev.supervisor.core.plugin.internal;

import dev.supervisor.api.plugin.PluginDescriptor;
import dev.supervisor.api.plugin.PluginDescriptorException;
import dev.supervisor.api.plugin.SupervisorPlugin;
import java.util.function.Supplier;

/** Reads {@link SupervisorPlugin} from a plugin class, field by field, so that an error names its field. */
final class DescriptorReader {
    private DescriptorReader() {
    }

    static PluginDescriptor read(Class<?> type, String source) {
        SupervisorPlugin a = type.getAnnotation(SupervisorPlugin.class);
        if (a == null) {
            throw new PluginDescriptorException(source, "@SupervisorPlugin", "class " + type.getName()
                    + " has no @SupervisorPlugin annotation");
        }
        PluginDescriptor.Builder b = field(source, "id", () -> PluginDescriptor.builder(a.id()));
        field(source, "version", () -> b.version(a.version()));
        field(source, "requires", () -> b.requires(a.requires()));
        String[] deps = a.dependencies();
        for (int i = 0; i < deps.length; i++) {
            String d = deps[i];
            field(source, "dependencies[" + i + "]", () -> b.dependency(d));
        }
        String[] caps = a.capabilities();
        for (int i = 0; i < caps.length; i++) {
            String c = caps[i];
            field(source, "capabilities[" + i + "]", () -> b.capability(c));
        }
        b.description(a.description()).source(source);
        return field(source, "dependencies", b::build);
    }

    private static <T> T field(String source, String field, Supplier<T> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            String reason = e.getMessage();
            // the builder's cross-field messages already start with the field's name
            throw new PluginDescriptorException(source, field, reason.startsWith(field + ": ")
                    ? reason.substring(field.length() + 2) : reason);
        }
    }
}
