package dev.supervisor.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

@AnalyzeClasses(packages = "dev.supervisor.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ApiArchitectureTest {

    @ArchTest
    static final ArchRule api_dependsOnlyOnTheJdk = noClasses().that().resideInAPackage("dev.supervisor.api..")
            .should().dependOnClassesThat().resideOutsideOfPackages("dev.supervisor.api..", "java..");

    @ArchTest
    static final ArchRule api_packagesFreeOfCycles = slices().matching("dev.supervisor.api.(**)").should()
            .beFreeOfCycles();

    @ArchTest
    static final ArchRule api_noStandardStreams = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
}
