package dev.supervisor.examples.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's root folder, found from the working directory of a test (a module folder under Maven). */
public final class ProjectRoot {
    private ProjectRoot() {
    }

    /**
     * @return the folder whose pom.xml is the parent pom
     * @throws IllegalStateException if no folder above the working directory holds it
     */
    public static Path get() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path pom = p.resolve("pom.xml");
            if (Files.isRegularFile(pom) && read(pom).contains("<artifactId>supervisor-parent</artifactId>")
                    && Files.isDirectory(p.resolve("supervisor-api"))) {
                return p;
            }
        }
        throw new IllegalStateException("no project root above " + Path.of("").toAbsolutePath());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
