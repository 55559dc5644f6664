package dev.supervisor.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.supervisor.core.arch.fixture.Leaks;
import dev.supervisor.core.arch.fixture.internal.Hidden;
import org.junit.jupiter.api.Test;

/** The public API rule catches an internal type wherever the API names it. */
class PublicApiTest {

    @Test
    void namesNoInternalType_reportsFieldsParametersTypeArgumentsAndRecordComponents() {
        var imported = new ClassFileImporter().importPackages(Leaks.class.getPackageName());

        var result = classes().that().resideOutsideOfPackage("..internal..").should(PublicApi.namesNoInternalType())
                .evaluate(imported);

        String h = Hidden.class.getName();
        assertThat(result.getFailureReport().getDetails()).containsExactlyInAnyOrder(
                Leaks.class.getName() + ": field field uses " + h,
                Leaks.class.getName() + ": constructor parameter uses " + h,
                Leaks.class.getName() + ": method parameter() parameter uses " + h,
                Leaks.class.getName() + ": method typeArgument() return type uses " + h,
                Leaks.Component.class.getName() + ": constructor parameter uses " + h,
                Leaks.Component.class.getName() + ": method hidden() return type uses " + h);
    }
}
