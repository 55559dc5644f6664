package dev.supervisor.core.plugin.internal;

import dev.supervisor.core.plugin.PluginStateStore;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.TreeSet;

/** Disabled plugin ids, optionally mirrored in a properties file written to a temporary file and moved over it. */
public final class PropertiesStateStore implements PluginStateStore {
    private final Path file;
    private final TreeSet<String> disabled = new TreeSet<>();

    /**
     * @param file the file, or null to keep the state in memory only
     */
    public PropertiesStateStore(Path file) {
        this.file = file;
        if (file != null && Files.exists(file)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read plugin states from " + file, e);
            }
            p.forEach((k, v) -> {
                if ("disabled".equals(v)) {
                    disabled.add((String) k);
                }
            });
        }
    }

    @Override
    public synchronized boolean isEnabled(String pluginId) {
        return !disabled.contains(pluginId);
    }

    @Override
    public synchronized void setEnabled(String pluginId, boolean enabled) {
        TreeSet<String> next = new TreeSet<>(disabled);
        boolean changed = enabled ? next.remove(pluginId) : next.add(pluginId);
        if (changed && file != null) {
            write(next); // first, so that a failed write leaves the state as it was
        }
        disabled.clear();
        disabled.addAll(next);
    }

    private void write(TreeSet<String> ids) {
        StringBuilder sb = new StringBuilder("# plugins switched off by the host\n");
        for (String id : ids) {
            sb.append(id).append("=disabled\n"); // ids are [a-z0-9._-]: nothing to escape
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(sb.toString());
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plugin states to " + file, e);
        }
    }
}
