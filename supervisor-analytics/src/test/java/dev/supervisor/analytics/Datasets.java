package dev.supervisor.analytics;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds a shared data set ({@code shared/datasets/<name>} next to the project, searched from the working directory
 * upwards, so that it is found from the module, the repository root or a worktree) or skips the test.
 */
public final class Datasets {
    private Datasets() {
    }

    /**
     * @param name the data set directory, e.g. {@code nab}
     * @param marker a file the data set must hold, relative to it
     * @return the data set directory; the calling test is skipped when it is absent
     */
    public static Path require(String name, String marker) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/datasets").resolve(name);
            if (Files.exists(candidate.resolve(marker))) {
                return candidate;
            }
        }
        assumeTrue(false, "data set " + name + " not present");
        return null;
    }
}
