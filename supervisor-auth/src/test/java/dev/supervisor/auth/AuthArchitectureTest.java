package dev.supervisor.auth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.supervisor", importOptions = ImportOption.DoNotIncludeTests.class)
class AuthArchitectureTest {

    @ArchTest
    static final ArchRule auth_neverDependsOnCore = noClasses().that().resideInAPackage("dev.supervisor.auth..")
            .should().dependOnClassesThat().resideInAPackage("dev.supervisor.core..");

    @ArchTest
    static final ArchRule auth_internals_stayInAuth = classes().that()
            .resideInAPackage("dev.supervisor.auth..internal..")
            .should().onlyBeAccessed().byAnyPackage("dev.supervisor.auth..");

    @ArchTest
    static final ArchRule auth_packagesFreeOfCycles = slices().matching("dev.supervisor.auth.(*)..").should()
            .beFreeOfCycles();
}
