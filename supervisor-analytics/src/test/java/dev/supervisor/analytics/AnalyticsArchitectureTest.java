package dev.supervisor.analytics;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.supervisor", importOptions = ImportOption.DoNotIncludeTests.class)
class AnalyticsArchitectureTest {

    @ArchTest
    static final ArchRule analytics_neverDependsOnCore = noClasses().that().resideInAPackage(
            "dev.supervisor.analytics..").should().dependOnClassesThat().resideInAPackage("dev.supervisor.core..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule analytics_neverUsesSpring = noClasses().that().resideInAPackage(
            "dev.supervisor.analytics..").should().dependOnClassesThat().resideInAPackage("org.springframework..")
            .allowEmptyShould(true);
}
