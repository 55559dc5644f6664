package dev.supervisor.core.modules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.core.Supervisor;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What {@code dev.supervisor.core} exports: every package but those named {@code internal}, to everyone. */
class ModuleDescriptorTest {

    @Test
    void descriptor_exportsEveryApiPackageAndNoInternalOne() throws Exception {
        Path classes = Path.of(Supervisor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleDescriptor d = ModuleFinder.of(classes).find("dev.supervisor.core").orElseThrow().descriptor();

        assertThat(d.exports()).noneMatch(ModuleDescriptor.Exports::isQualified);
        assertThat(d.exports().stream().map(ModuleDescriptor.Exports::source)).containsExactlyInAnyOrderElementsOf(
                d.packages().stream().filter(p -> !Arrays.asList(p.split("\\.")).contains("internal"))
                        .collect(Collectors.toSet()));
        assertThat(d.opens()).isEmpty();
        assertThat(d.isOpen()).isFalse();
        assertThat(d.uses()).containsExactlyInAnyOrder("dev.supervisor.api.spi.TaskHandler",
                "dev.supervisor.api.plugin.Plugin");
        assertThat(d.requires().stream().filter(r -> r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC))
                .map(ModuleDescriptor.Requires::name)).containsExactly("org.postgresql.jdbc");
    }
}
