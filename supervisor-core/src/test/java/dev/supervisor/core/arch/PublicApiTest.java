package dev.supervisor.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.supervisor.core.arch.fixture.HandsOut;
import dev.supervisor.core.arch.fixture.Leaks;
import dev.supervisor.core.arch.fixture.internal.Hidden;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The public API rules catch an internal type wherever the API names it, and a result record it returns. */
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

    @Test
    void returnsNoRecordBut_reportsResultRecordsReturnedDirectlyOrAsTypeArguments() {
        var imported = new ClassFileImporter().importPackages(HandsOut.class.getPackageName());

        var result = classes().that().resideOutsideOfPackage("..internal..").should(PublicApi.returnsNoRecordBut(
                HandsOut.class.getPackageName(), Set.of(HandsOut.Input.class))).evaluate(imported);

        String h = HandsOut.class.getName();
        assertThat(result.getFailureReport().getDetails()).containsExactlyInAnyOrder(
                h + ": method snapshot() returns record " + HandsOut.Snapshot.class.getName(),
                h + ": method typeArgument() returns record " + HandsOut.Snapshot.class.getName());
    }
}
