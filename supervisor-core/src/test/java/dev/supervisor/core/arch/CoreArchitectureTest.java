package dev.supervisor.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

@AnalyzeClasses(packages = "dev.supervisor", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    @ArchTest
    static final ArchRule core_dependsOnApiAndItsLibrariesOnly = classes().that()
            .resideInAPackage("dev.supervisor.core..").and().doNotHaveFullyQualifiedName(
                    "dev.supervisor.core.jdbc.internal.PgNotifications")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "dev.supervisor.api..", "dev.supervisor.core..", "java..", "javax..", "org.slf4j..",
                    "org.jgrapht..", "com.cronutils..", "com.fasterxml.jackson..", "com.github.benmanes.caffeine..",
                    "org.jspecify..");

    /** The PostgreSQL driver is optional: one class uses it (LISTEN/NOTIFY), loaded only when the driver is there. */
    @ArchTest
    static final ArchRule postgresDriver_usedByOneOptionalClassOnly = noClasses().that()
            .resideInAPackage("dev.supervisor.core..").and().doNotHaveFullyQualifiedName(
                    "dev.supervisor.core.jdbc.internal.PgNotifications")
            .should().dependOnClassesThat().resideInAnyPackage("org.postgresql..");

    @ArchTest
    static final ArchRule core_neverUsesSpring = noClasses().that().resideInAPackage("dev.supervisor.core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..");

    /** Parameters, fields, record components, supertypes and thrown types too, not only return types. */
    @ArchTest
    static final ArchRule publicApi_namesNoInternalType = classes().that().resideInAPackage("dev.supervisor.core..")
            .and().resideOutsideOfPackage("..internal..").should(PublicApi.namesNoInternalType());

    /** The module descriptor exports no internal package; this holds the class path to the same rule. */
    @ArchTest
    static final ArchRule internals_stayInCore = classes().that().resideInAPackage("dev.supervisor.core..internal..")
            .should().onlyBeAccessed().byAnyPackage("dev.supervisor.core..");

    @ArchTest
    static final ArchRule packages_freeOfCycles = slices().matching("dev.supervisor.core.(*)..").should()
            .beFreeOfCycles();

    @ArchTest
    static final ArchRule noStandardStreams = noClasses().that().resideInAPackage("dev.supervisor.core..")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS);

    @ArchTest
    static final ArchRule noJavaUtilLogging = noClasses().that().resideInAPackage("dev.supervisor.core..")
            .should(GeneralCodingRules.USE_JAVA_UTIL_LOGGING);

    /** A plugin (in whatever module it is compiled) sees the host only through the plugin API. */
    @ArchTest
    static final ArchRule plugins_dependOnThePluginApiOnly = classes().that()
            .implement("dev.supervisor.api.plugin.Plugin").should().onlyDependOnClassesThat()
            .resideInAnyPackage("dev.supervisor.api..", "java..", "javax..", "org.slf4j..")
            .because("a plugin's class loader shows it only the JDK, dev.supervisor.api and SLF4J of the host")
            .allowEmptyShould(true);

    /** What the host hands a plugin is API or JDK types only, so nothing of the host leaks past the context. */
    @ArchTest
    static final ArchRule pluginContexts_handPluginsApiAndJdkTypesOnly = methods().that().arePublic()
            .and().areDeclaredInClassesThat().implement("dev.supervisor.api.plugin.PluginContext")
            .should().haveRawReturnType(com.tngtech.archunit.base.DescribedPredicate.describe(
                    "a primitive, JDK or dev.supervisor.api type", c -> c.isPrimitive()
                            || c.getPackageName().startsWith("java")
                            || c.getPackageName().startsWith("dev.supervisor.api")));

    @ArchTest
    static final ArchRule pluginHostInternals_areReachedOnlyThroughThePluginHost = noClasses().that()
            .resideOutsideOfPackage("dev.supervisor.core.plugin..").should().dependOnClassesThat()
            .resideInAPackage("dev.supervisor.core.plugin.internal..");
}
