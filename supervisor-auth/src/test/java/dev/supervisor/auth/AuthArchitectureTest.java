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

    /** Its libraries only: no Supervisor module and no Spring (password4j is optional: Argon2id only). */
    @ArchTest
    static final ArchRule auth_dependsOnItsLibrariesOnly = classes().that().resideInAPackage("dev.supervisor.auth..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.supervisor.auth..", "java..", "javax..",
                    "org.slf4j..", "com.fasterxml.jackson..", "com.github.benmanes.caffeine..", "org.owasp.encoder..",
                    "com.password4j..");

    /** Parameters, fields, record components, supertypes and thrown types too, not only return types. */
    @ArchTest
    static final ArchRule publicApi_namesNoInternalType = classes().that().resideInAPackage("dev.supervisor.auth..")
            .and().resideOutsideOfPackage("..internal..").should(PublicApi.namesNoInternalType());
}
