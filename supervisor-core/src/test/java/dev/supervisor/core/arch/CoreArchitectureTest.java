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
import dev.supervisor.core.json.WorkflowFormatException;
import dev.supervisor.core.provider.Budget;
import dev.supervisor.core.provider.RouterConfig;
import java.util.Set;

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

    /**
     * Records of the API packages that users construct as input, the only records public methods may return. What
     * the engine hands out (results, snapshots, stats, reports) is an interface implemented internally instead, so
     * users cannot make one up.
     */
    static final Set<Class<?>> INPUT_RECORDS = Set.of(
            // A spending limit the application configures (RouterConfig.Builder.budget); its factories return it.
            Budget.class,
            // A provider with its priority and weight, as the application registered it on RouterConfig.Builder.
            RouterConfig.Entry.class,
            // A quota the application declares over several providers (RouterConfig.Builder.sharedQuota).
            RouterConfig.SharedQuota.class,
            // The input of WorkflowFormatException's public constructors, which readers of other document formats
            // throw with their own problems.
            WorkflowFormatException.Problem.class);

    @ArchTest
    static final ArchRule publicApi_returnsNoRecordButInputValues = classes().that()
            .resideInAPackage("dev.supervisor..").and().resideOutsideOfPackage("..internal..")
            .should(PublicApi.returnsNoRecordBut("dev.supervisor.core", INPUT_RECORDS));

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
