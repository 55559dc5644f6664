package dev.supervisor.benchmarks.rbac;

import dev.supervisor.auth.rbac.Permission;
import dev.supervisor.auth.rbac.RbacPolicy;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One permission check against a policy of 100,000 rules (100 roles × 1,000 rules, a subject holding 5 roles,
 * one deny rule), goal ≤ 1 µs.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar RbacCheckBenchmark -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RbacCheckBenchmark {
    private RbacPolicy policy;
    private List<String> roles;
    private Permission allowed;
    private Permission denied;

    @Setup
    public void setUp() {
        RbacPolicy.Builder b = RbacPolicy.builder();
        for (int r = 0; r < 100; r++) {
            b.role("role" + r);
            for (int i = 0; i < 1000; i++) {
                b.allow("role" + r, "res" + (r * 1000 + i) + ":act" + (i % 7) + (i % 3 == 0 ? ":inst" + i : ""));
            }
        }
        b.deny("role3", "res3001:act1"); // overrides the allow of the same rule
        policy = b.build();
        roles = List.of("role1", "role2", "role3", "role50", "role99");
        allowed = Permission.parse("res99502:act5");
        denied = Permission.parse("res3001:act1");
        if (!policy.permits(roles, allowed) || policy.permits(roles, denied)) {
            throw new IllegalStateException("benchmark policy is wrong");
        }
    }

    @Benchmark
    public boolean checkAllowed() {
        return policy.permits(roles, allowed);
    }

    @Benchmark
    public boolean checkDenied() {
        return policy.permits(roles, denied);
    }
}
