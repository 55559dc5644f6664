package dev.supervisor.examples.slack;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The plugin sees the host through the plugin API only (the rule supervisor-core applies to every plugin). */
@AnalyzeClasses(packages = "dev.supervisor.examples.slack", importOptions = ImportOption.DoNotIncludeTests.class)
class SlackPluginArchitectureTest {

    @ArchTest
    static final ArchRule plugin_dependsOnThePluginApiOnly = classes().should().onlyDependOnClassesThat()
            .resideInAnyPackage("dev.supervisor.api..", "java..", "javax..", "org.slf4j..",
                    "dev.supervisor.examples.slack..");
}
