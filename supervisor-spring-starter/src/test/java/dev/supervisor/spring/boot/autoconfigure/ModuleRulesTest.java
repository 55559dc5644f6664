package dev.supervisor.spring.boot.autoconfigure;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Cross-module rules: the starter's test classpath sees every module, so these are checked here.
 */
@AnalyzeClasses(packages = "dev.supervisor", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleRulesTest {

    @ArchTest
    static final ArchRule analyticsAndAuth_neverDependOnCore = noClasses().that()
            .resideInAnyPackage("dev.supervisor.analytics..", "dev.supervisor.auth..")
            .should().dependOnClassesThat().resideInAPackage("dev.supervisor.core..");

    @ArchTest
    static final ArchRule api_dependsOnNothingOfOurs = noClasses().that().resideInAPackage("dev.supervisor.api..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.supervisor.core..", "dev.supervisor.auth..",
                    "dev.supervisor.analytics..", "dev.supervisor.spring..");

    @ArchTest
    static final ArchRule onlyTheStarter_knowsSpring = noClasses().that().resideOutsideOfPackage(
            "dev.supervisor.spring..").should().dependOnClassesThat().resideInAPackage("org.springframework..");

    @ArchTest
    static final ArchRule coreInternals_stayInCore = classes().that()
            .resideInAPackage("dev.supervisor.core..internal..")
            .should().onlyBeAccessed().byAnyPackage("dev.supervisor.core..");

    @ArchTest
    static final ArchRule authInternals_stayInAuth = classes().that()
            .resideInAPackage("dev.supervisor.auth..internal..")
            .should().onlyBeAccessed().byAnyPackage("dev.supervisor.auth..").allowEmptyShould(true);

    @ArchTest
    static final ArchRule analyticsInternals_stayInAnalytics = classes().that()
            .resideInAPackage("dev.supervisor.analytics..internal..").should().onlyBeAccessed()
            .byAnyPackage("dev.supervisor.analytics..").allowEmptyShould(true);
}
