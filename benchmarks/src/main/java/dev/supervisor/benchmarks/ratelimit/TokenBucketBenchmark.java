package dev.supervisor.benchmarks.ratelimit;

import dev.supervisor.auth.ratelimit.Bandwidth;
import dev.supervisor.auth.ratelimit.RateLimit;
import dev.supervisor.auth.ratelimit.TokenBucket;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * {@code tryAcquire(1)} on one shared bucket (1,000,000,000 tokens refilled every second, so it never runs dry):
 * ours against Bucket4j's lock-free bucket, with 1 and 2 threads.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar TokenBucketBenchmark -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TokenBucketBenchmark {
    @Param({"supervisor", "bucket4j"})
    public String impl;

    private TokenBucket ours;
    private Bucket theirs;

    @Setup
    public void setUp() {
        long n = 1_000_000_000L;
        ours = TokenBucket.of(RateLimit.of(Bandwidth.of(n, Duration.ofSeconds(1))));
        theirs = Bucket.builder().addLimit(io.github.bucket4j.Bandwidth.builder().capacity(n)
                .refillGreedy(n, Duration.ofSeconds(1)).build()).build();
    }

    @Benchmark
    @Threads(1)
    public boolean oneThread() {
        return impl.equals("supervisor") ? ours.tryAcquire(1) : theirs.tryConsume(1);
    }

    @Benchmark
    @Threads(2)
    public boolean twoThreads() {
        return impl.equals("supervisor") ? ours.tryAcquire(1) : theirs.tryConsume(1);
    }
}
