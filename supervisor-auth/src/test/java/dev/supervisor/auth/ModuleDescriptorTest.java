package dev.supervisor.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.auth.net.Cidr;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleDescriptor.Requires;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What {@code dev.supervisor.auth} exports: every package but those named {@code internal}, to everyone. */
class ModuleDescriptorTest {

    @Test
    void descriptor_exportsEveryApiPackageAndNoInternalOne() throws Exception {
        Path classes = Path.of(Cidr.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleDescriptor d = ModuleFinder.of(classes).find("dev.supervisor.auth").orElseThrow().descriptor();

        assertThat(d.exports()).noneMatch(Exports::isQualified);
        assertThat(d.exports().stream().map(Exports::source)).containsExactlyInAnyOrderElementsOf(
                d.packages().stream().filter(p -> !Arrays.asList(p.split("\\.")).contains("internal"))
                        .collect(Collectors.toSet()));
        assertThat(d.opens()).isEmpty();
        assertThat(d.isOpen()).isFalse();
        assertThat(d.requires().stream().filter(r -> r.modifiers().contains(Requires.Modifier.STATIC))
                .map(Requires::name)).containsExactlyInAnyOrder("password4j");
    }
}
