package dev.supervisor.analytics;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
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

    /** The API and the libraries in the pom, nothing else (fastexcel is optional: only the XLSX export uses it). */
    @ArchTest
    static final ArchRule analytics_dependsOnApiAndItsLibrariesOnly = classes().that()
            .resideInAPackage("dev.supervisor.analytics..").should().onlyDependOnClassesThat().resideInAnyPackage(
                    "dev.supervisor.api..", "dev.supervisor.analytics..", "java..", "org.slf4j..",
                    "com.fasterxml.jackson..", "org.HdrHistogram..", "org.apache.commons.math3..",
                    "org.dhatim.fastexcel..");

    /** Parameters, fields, record components, supertypes and thrown types too, not only return types. */
    @ArchTest
    static final ArchRule publicApi_namesNoInternalType = classes().that()
            .resideInAPackage("dev.supervisor.analytics..").and().resideOutsideOfPackage("..internal..")
            .should(PublicApi.namesNoInternalType());

    @ArchTest
    static final ArchRule internals_stayInAnalytics = classes().that()
            .resideInAPackage("dev.supervisor.analytics..internal..").should().onlyBeAccessed()
            .byAnyPackage("dev.supervisor.analytics..");
}
