package dev.supervisor.core.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The examples of docs/expressions.md, kept compiling and passing here. */
class ExpressionGuideTest {

    record Build(String branch, int number) {
    }

    @Test
    void guide_compileOnceEvaluateMany() {
        // tag::basics[]
        ExpressionEngine engine = ExpressionEngine.ofDefaults();
        Expression ready = engine.compile("inputs.branch == 'main' && tasks.build.status == 'SUCCEEDED'"
                + " && inputs.tags.exists(t, t.startsWith('release-'))");
        boolean go = ready.test(Map.of(
                "inputs", Map.of("branch", "main", "tags", List.of("nightly", "release-1.4")),
                "tasks", Map.of("build", Map.of("status", "SUCCEEDED"))));
        // end::basics[]
        assertThat(go).isTrue();
    }

    @Test
    void guide_hostFunctionsAndAccessors() {
        // tag::host[]
        ExpressionConfig config = ExpressionConfig.builder()
                .function("isRelease", args -> args.get(0) instanceof String s && s.startsWith("release/"))
                .accessor(Build.class, (build, member) -> switch (member) {
                    case "branch" -> build.branch();
                    case "number" -> build.number();
                    default -> throw new IllegalArgumentException("a build has no '" + member + "'");
                })
                .build();
        ExpressionEngine engine = ExpressionEngine.create(config);
        boolean release = engine.compile("isRelease(build.branch) && build.number > 5")
                .test(Map.of("build", new Build("release/1.2", 7)));
        // end::host[]
        assertThat(release).isTrue();
    }

    @Test
    void guide_limits() {
        // tag::limits[]
        ExpressionConfig strict = ExpressionConfig.builder()
                .maxSourceLength(1_024)   // characters of source
                .maxDepth(50)             // nesting of the syntax tree (at most ExpressionConfig.MAX_DEPTH)
                .maxCost(10_000)          // steps per evaluation, charged by the size of what each step reads
                .maxStringLength(4_096)   // longest string an evaluation may build
                .maxListSize(1_000)       // largest list or map an evaluation may build
                .build();
        // end::limits[]
        assertThat(strict.maxCost()).isEqualTo(10_000);
    }

    @Test
    void guide_errors() {
        // tag::errors[]
        try {
            ExpressionEngine.ofDefaults().compile("inputs.count > 2 &&\n  inputs.missing").evaluate(
                    Map.of("inputs", Map.of("count", 3)));
        } catch (ExpressionException e) {
            // "no member 'missing' (use has(...) to test for it) at 2:10" + the source line and a caret
            String reason = e.reason();
            int line = e.line();
            int column = e.column();
        }
        // end::errors[]
        assertThatThrownBy(() -> ExpressionEngine.ofDefaults().compile("inputs.count > 2 &&\n  inputs.missing")
                .evaluate(Map.of("inputs", Map.of("count", 3))))
                .hasMessageStartingWith("no member 'missing' (use has(...) to test for it) at 2:10");
    }
}
