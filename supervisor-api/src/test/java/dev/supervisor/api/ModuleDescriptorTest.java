package dev.supervisor.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleDescriptor.Requires;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What {@code dev.supervisor.api} exports: every package but those named {@code internal}, to everyone. */
class ModuleDescriptorTest {

    @Test
    void descriptor_exportsEveryApiPackageAndNoInternalOne() throws Exception {
        Path classes = Path.of(RunHandle.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleDescriptor d = ModuleFinder.of(classes).find("dev.supervisor.api").orElseThrow().descriptor();

        assertThat(d.exports()).noneMatch(Exports::isQualified);
        assertThat(d.exports().stream().map(Exports::source)).containsExactlyInAnyOrderElementsOf(
                d.packages().stream().filter(p -> !Arrays.asList(p.split("\\.")).contains("internal"))
                        .collect(Collectors.toSet()));
        assertThat(d.opens()).isEmpty();
        assertThat(d.isOpen()).isFalse();
        assertThat(d.requires().stream().map(Requires::name)).containsExactlyInAnyOrder("java.base",
                "java.net.http");
    }
}
