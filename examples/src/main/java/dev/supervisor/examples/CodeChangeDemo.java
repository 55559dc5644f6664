package dev.supervisor.examples;

/** Placeholder until the engine lands. */
public final class CodeChangeDemo {
    private CodeChangeDemo() {
    }

    /** @param args unused */
    public static void main(String[] args) {
        System.out.println("Supervisor demo: engine not yet built");
    }
}
