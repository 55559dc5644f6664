package dev.supervisor.core.json.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.WorkflowSpec;
import org.junit.jupiter.api.Test;

/**
 * The lean reader gives up (null) on anything it does not expect, so that the checking reader reads the document
 * and names the problem; that it reads every written workflow equal is checked by {@code WorkflowJsonRoundTripTest}.
 */
class StoredReaderTest {
    private static WorkflowSpec read(String json) {
        return StoredReader.read(json, StoredReaderTest.class.getClassLoader());
    }

    @Test
    void read_aPlainDocument_buildsTheWorkflow() {
        WorkflowSpec w = read("{\"id\":\"w\",\"tasks\":[{\"id\":\"a\",\"type\":\"t\"},{\"id\":\"b\",\"type\":\"t\","
                + "\"dependsOn\":[\"a\",{\"task\":\"a\",\"condition\":\"FAILURE\"}],\"priority\":7}]}");
        assertThat(w).isNotNull();
        assertThat(w.tasks()).extracting(TaskSpec::id).containsExactly("a", "b");
        assertThat(w.tasks().get(1).dependencies()).hasSize(2);
    }

    @Test
    void read_whatItDoesNotExpect_givesUp() {
        assertThat(read("{\"id\":\"w\",\"tasks\":[{\"id\":\"a\",\"type\":\"t\",\"bogus\":1}]}")).as("unknown field")
                .isNull();
        assertThat(read("{\"id\":\"w\",\"tasks\":[{\"id\":\"a\",\"type\":7}]}")).as("wrong type").isNull();
        assertThat(read("{\"id\":\"w\",\"tasks\":[{\"id\":\"a\",\"type\":\"t\"},{\"id\":\"a\",\"type\":\"t\"}]}"))
                .as("a repeated id, which the builder refuses").isNull();
        assertThat(read("{\"id\":\"w\",\"tasks\":[{\"id\":\"a\",\"type\":\"t\",\"retry\":{\"retryOn\":"
                + "[\"no.such.Exception\"]}}]}")).as("a class that cannot be loaded").isNull();
        assertThat(read("{\"id\":\"w\",\"tasks\":[]} trailing")).as("text after the document").isNull();
        assertThat(read("not json")).isNull();
        assertThat(read("{\"id\":\"w\"}")).as("no tasks").isNull();
    }
}
