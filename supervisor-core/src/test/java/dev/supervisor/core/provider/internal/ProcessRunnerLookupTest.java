package dev.supervisor.core.provider.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a command's executable is found before it is started: a path as is, a bare name on PATH (and PATHEXT). */
class ProcessRunnerLookupTest {
    @TempDir
    Path dir;

    private Path executable(String name) throws Exception {
        Path f = Files.writeString(dir.resolve(name), "#!/bin/sh\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
        return f;
    }

    @Test
    void runnable_bareName_isLookedUpOnPath() throws Exception {
        executable("tool");
        assertThat(ProcessRunner.runnable("tool", dir.toString(), null)).isTrue();
        assertThat(ProcessRunner.runnable("other", dir.toString(), null)).isFalse();
        assertThat(ProcessRunner.runnable("tool", null, null)).isFalse();
    }

    @Test
    void runnable_bareName_matchesAPathextSuffix_asAWindowsShellWould() throws Exception {
        executable("claude.cmd");
        String pathExt = ".COM" + File.pathSeparator + ".EXE" + File.pathSeparator + ".CMD";
        assertThat(ProcessRunner.runnable("claude", dir.toString(), pathExt)).isTrue();
        assertThat(ProcessRunner.runnable("claude", dir.toString(), null)).isFalse();
    }

    @Test
    void runnable_path_isCheckedAsIs_notLookedUp() throws Exception {
        Path f = executable("tool");
        assertThat(ProcessRunner.runnable(f.toString(), "", null)).isTrue();
        assertThat(ProcessRunner.runnable(dir.resolve("missing").toString(), dir.toString(), null)).isFalse();
    }
}
