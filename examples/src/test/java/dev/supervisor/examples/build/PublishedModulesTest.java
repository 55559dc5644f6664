package dev.supervisor.examples.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * What a Maven user relies on: the BOM manages every published module at the project's version, and every
 * published pom carries the metadata Maven Central requires (directly or from the parent pom).
 */
class PublishedModulesTest {
    private static final Path ROOT = ProjectRoot.get();
    private static final XPath XP = XPathFactory.newInstance().newXPath();

    @Test
    void bom_managesEveryPublishedModule_atTheProjectVersion() throws Exception {
        Document parent = pom(ROOT);
        Document bom = pom(ROOT.resolve("supervisor-bom"));
        List<String> published = new ArrayList<>();
        for (String module : texts(parent, "/project/modules/module")) {
            Document m = pom(ROOT.resolve(module));
            boolean skipped = text(m, "/project/properties/maven.deploy.skip").equals("true");
            if (!module.equals("supervisor-bom") && !skipped) {
                published.add(text(m, "/project/artifactId"));
            }
        }

        assertThat(published).contains("supervisor-api", "supervisor-core");
        assertThat(texts(bom, "/project/dependencyManagement/dependencies/dependency/artifactId"))
                .containsExactlyInAnyOrderElementsOf(published);
        assertThat(texts(bom, "/project/dependencyManagement/dependencies/dependency/version"))
                .containsOnly("${project.version}");
        assertThat(text(bom, "/project/version")).isEqualTo(text(parent, "/project/version"));
        assertThat(text(bom, "/project/parent")).as("a BOM with a parent would export the parent's pins").isEmpty();
    }

    @Test
    void publishedPoms_carryTheMetadataMavenCentralRequires() throws Exception {
        Document parent = pom(ROOT);
        for (Document owner : List.of(parent, pom(ROOT.resolve("supervisor-bom")))) {
            for (String field : List.of("name", "description", "url", "licenses/license/name", "licenses/license/url",
                    "developers/developer/name", "scm/url", "scm/connection", "scm/developerConnection")) {
                assertThat(text(owner, "/project/" + field)).as(text(owner, "/project/artifactId") + " " + field)
                        .isNotBlank();
            }
        }
        for (String module : texts(parent, "/project/modules/module")) {
            Document m = pom(ROOT.resolve(module));
            assertThat(text(m, "/project/name")).as(module + " name").isNotBlank();
            assertThat(text(m, "/project/description")).as(module + " description").isNotBlank();
        }
        assertThat(text(parent, "/project/licenses/license/name")).isEqualTo("Apache-2.0");
        assertThat(ROOT.resolve("LICENSE")).content().contains("Apache License", "Version 2.0, January 2004",
                "END OF TERMS AND CONDITIONS");
    }

    @Test
    void readme_mavenCoordinates_nameTheBomAtTheProjectVersionAndPublishedModules() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher xml = Pattern.compile("```xml\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(xml.find()).as("README has a Maven snippet").isTrue();
        Document snippet = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader("<project>" + xml.group(1) + "</project>")));
        Document bom = pom(ROOT.resolve("supervisor-bom"));

        assertThat(text(snippet, "//dependencyManagement//dependency[artifactId='supervisor-bom']/version"))
                .isEqualTo(text(pom(ROOT), "/project/version"));
        assertThat(text(snippet, "//dependencyManagement//dependency/scope")).isEqualTo("import");
        List<String> managed = texts(bom, "/project/dependencyManagement/dependencies/dependency/artifactId");
        assertThat(texts(snippet, "/project/dependencies/dependency/artifactId")).isNotEmpty().isSubsetOf(managed);
        assertThat(readme).contains("./mvnw -B -ntp install -DskipTests");
    }

    private static Document pom(Path dir) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("pom.xml").toFile());
    }

    private static String text(Document doc, String path) throws Exception {
        return XP.evaluate(path, doc).trim();
    }

    private static List<String> texts(Document doc, String path) throws Exception {
        NodeList nodes = (NodeList) XP.evaluate(path, doc, XPathConstants.NODESET);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent().trim());
        }
        return out;
    }
}
