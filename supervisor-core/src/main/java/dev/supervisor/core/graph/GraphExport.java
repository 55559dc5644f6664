package dev.supervisor.core.graph;

import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.builder.GraphTypeBuilder;

/**
 * Exports a {@link TaskGraph}: to a jgrapht graph for its algorithm library, and to Graphviz DOT and Mermaid text
 * for pictures. Edges point from a dependency to its dependent (execution order).
 */
public final class GraphExport {
    private GraphExport() {
    }

    /**
     * @param g the graph
     * @return a new directed jgrapht graph over the task ids
     */
    public static Graph<String, DefaultEdge> toJGraphT(TaskGraph g) {
        Graph<String, DefaultEdge> out = GraphTypeBuilder.<String, DefaultEdge>directed().allowingMultipleEdges(false)
                .allowingSelfLoops(true).edgeClass(DefaultEdge.class).buildGraph();
        for (int i = 0; i < g.size(); i++) {
            out.addVertex(g.id(i));
        }
        int[] succ = g.sharedSuccessors();
        for (int i = 0; i < g.size(); i++) {
            for (int e = g.successorStart(i); e < g.successorEnd(i); e++) {
                out.addEdge(g.id(i), g.id(succ[e]));
            }
        }
        return out;
    }

    /**
     * @param g the graph
     * @param analysis its analysis, to draw the critical path in bold red; may be null
     * @return Graphviz DOT text
     */
    public static String toDot(TaskGraph g, WorkflowAnalysis analysis) {
        StringBuilder sb = new StringBuilder("digraph workflow {\n  rankdir=LR;\n  node [shape=box];\n");
        java.util.Set<String> critical = analysis == null ? java.util.Set.of()
                : new java.util.HashSet<>(analysis.criticalPath());
        for (int i = 0; i < g.size(); i++) {
            sb.append("  ").append(dotId(g.id(i))).append(" [label=").append(dotId(g.task(i).name()));
            if (critical.contains(g.id(i))) {
                sb.append(", color=red, penwidth=2");
            }
            sb.append("];\n");
        }
        int[] succ = g.sharedSuccessors();
        for (int i = 0; i < g.size(); i++) {
            for (int e = g.successorStart(i); e < g.successorEnd(i); e++) {
                sb.append("  ").append(dotId(g.id(i))).append(" -> ").append(dotId(g.id(succ[e])));
                if (critical.contains(g.id(i)) && critical.contains(g.id(succ[e]))) {
                    sb.append(" [color=red, penwidth=2]");
                }
                sb.append(";\n");
            }
        }
        return sb.append("}\n").toString();
    }

    /**
     * @param g the graph
     * @return Mermaid flowchart text; node ids are generated, labels are the task names
     */
    public static String toMermaid(TaskGraph g) {
        StringBuilder sb = new StringBuilder("flowchart LR\n");
        for (int i = 0; i < g.size(); i++) {
            sb.append("  n").append(i).append("[\"").append(mermaidText(g.task(i).name())).append("\"]\n");
        }
        int[] succ = g.sharedSuccessors();
        for (int i = 0; i < g.size(); i++) {
            for (int e = g.successorStart(i); e < g.successorEnd(i); e++) {
                sb.append("  n").append(i).append(" --> n").append(succ[e]).append('\n');
            }
        }
        return sb.toString();
    }

    private static String dotId(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            if (c == '\n' || c == '\r') {
                sb.append("\\n");
                continue;
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }

    /** Mermaid labels take HTML entity codes; quotes, brackets and angle brackets would break the syntax. */
    private static String mermaidText(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("#quot;");
                case '<' -> sb.append("#lt;");
                case '>' -> sb.append("#gt;");
                case '\n', '\r' -> sb.append(' ');
                default -> {
                    if (c == '[' || c == ']' || c == '{' || c == '}' || c == '(' || c == ')' || c == '|' || c == '#') {
                        sb.append("#").append((int) c).append(';');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
