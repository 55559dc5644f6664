package dev.supervisor.core.provider.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Kills a process and everything it started. Where {@code setsid} exists (Linux), each command runs in a process
 * group of its own, so children that outlived their parent (reparented to init, out of reach of
 * {@link ProcessHandle#descendants()}) are still found, by their group id in {@code /proc}.
 */
public final class ProcessTree {
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    static final boolean GROUPS = Files.isExecutable(SETSID) && Files.isDirectory(Path.of("/proc/self"));

    private ProcessTree() {
    }

    /** @return the command prefixed so that it leads a new process group, where supported */
    static List<String> wrap(List<String> command) {
        if (!GROUPS) {
            return command;
        }
        List<String> c = new ArrayList<>(command.size() + 1);
        c.add(SETSID.toString());
        c.addAll(command);
        return c;
    }

    /** Kills the process, its descendants and, with process groups, every member of its group. */
    static void kill(Process p) {
        killOthers(p);
        p.destroyForcibly();
    }

    /**
     * Kills what the process started but not the process itself: after a normal exit its output streams must stay
     * open until read, and destroying a {@link Process} closes them.
     */
    static void killOthers(Process p) {
        List<ProcessHandle> victims = new ArrayList<>();
        p.descendants().forEach(victims::add);
        if (GROUPS) {
            long group = p.pid();
            ProcessHandle.allProcesses().forEach(h -> {
                if (h.pid() != group && groupOf(h.pid()) == group) {
                    victims.add(h);
                }
            });
        }
        for (ProcessHandle h : victims) {
            h.destroyForcibly();
        }
    }

    /** @return the members of the process's group still alive, other than the process itself */
    public static List<Long> groupMembers(long leader) {
        List<Long> out = new ArrayList<>();
        ProcessHandle.allProcesses().forEach(h -> {
            if (h.pid() != leader && groupOf(h.pid()) == leader && h.isAlive()) {
                out.add(h.pid());
            }
        });
        return out;
    }

    /** @return the process group id from {@code /proc/<pid>/stat}, or -1 */
    static long groupOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
            // "pid (comm) state ppid pgrp ..." where comm may hold spaces and parentheses
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[2]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
