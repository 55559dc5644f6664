package dev.supervisor.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.supervisor.testkit", importOptions = ImportOption.DoNotIncludeTests.class)
class TestkitArchitectureTest {

    /** The contracts hold a store to the SPI alone: nothing of core's implementation can leak into them. */
    @ArchTest
    static final ArchRule testkit_dependsOnTheApiAndTestLibrariesOnly = noClasses()
            .that().resideInAPackage("dev.supervisor.testkit..")
            .should().dependOnClassesThat().resideOutsideOfPackages("dev.supervisor.testkit..", "dev.supervisor.api..",
                    "org.junit..", "org.assertj..", "java..");
}
