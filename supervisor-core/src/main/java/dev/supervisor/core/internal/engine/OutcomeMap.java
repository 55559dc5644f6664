package dev.supervisor.core.internal.engine;

import dev.supervisor.api.TaskOutcome;
import dev.supervisor.core.graph.TaskGraph;
import dev.supervisor.core.internal.store.TaskTable;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An unmodifiable, workflow-ordered view of a finished run's task outcomes. Outcomes are made on access, so
 * finishing a 100k-task run does not allocate 100k map entries nobody may read.
 */
final class OutcomeMap extends AbstractMap<String, TaskOutcome> {
    private final TaskTable tasks;
    private final TaskGraph graph;
    private final boolean[] hidden;
    private final int size;

    OutcomeMap(TaskTable tasks, TaskGraph graph, boolean[] hidden, int hiddenCount) {
        this.tasks = tasks;
        this.graph = graph;
        this.hidden = hidden;
        this.size = tasks.size() - hiddenCount;
    }

    private boolean visible(int i) {
        return hidden == null || !hidden[i];
    }

    private TaskOutcome outcome(int i) {
        return Results.Task.of(tasks.id(i), tasks.state(i), tasks.attempt(i), tasks.startedAt(i),
                tasks.finishedAt(i), tasks.output(i), tasks.error(i));
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String s && graph.indexOf(s) >= 0 && visible(graph.indexOf(s));
    }

    @Override
    public TaskOutcome get(Object key) {
        if (!(key instanceof String s)) {
            return null;
        }
        int i = graph.indexOf(s);
        return i < 0 || !visible(i) ? null : outcome(i);
    }

    @Override
    public Set<Entry<String, TaskOutcome>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public Iterator<Entry<String, TaskOutcome>> iterator() {
                return new Iterator<>() {
                    private int next = skip(0);

                    private int skip(int from) {
                        int i = from;
                        while (i < tasks.size() && !visible(i)) {
                            i++;
                        }
                        return i;
                    }

                    @Override
                    public boolean hasNext() {
                        return next < tasks.size();
                    }

                    @Override
                    public Entry<String, TaskOutcome> next() {
                        if (next >= tasks.size()) {
                            throw new NoSuchElementException();
                        }
                        int i = next;
                        next = skip(next + 1);
                        return new SimpleImmutableEntry<>(tasks.id(i), outcome(i));
                    }
                };
            }
        };
    }
}
