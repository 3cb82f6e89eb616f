package dev.clp.model.internal;

import dev.clp.model.CallStats;
import dev.clp.model.ChatRequest;
import dev.clp.model.ChatResponse;
import dev.clp.model.ModelClient;
import dev.clp.model.ModelException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.apiguardian.api.API;

/**
 * Tries a failed call again when trying again may help ({@link ModelException#retryable()}): jittered
 * exponential backoff from {@code baseDelay} up to {@code maxDelay}, never shorter than the server's own
 * wait hint. 400, 401, 403 and 404 fail at once. When the attempts run out the last failure is thrown,
 * its message saying how many attempts were made.
 *
 * <p>All calls of one model share a circuit: after a 401 or 403 (the key is refused; every later call would be too)
 * and after an endpoint that has never answered could not be reached in {@value #UNREACHED_ATTEMPTS} attempts
 * (connection refused, unknown host), the calls not yet sent fail at once, non-retryable, with the reason; the first
 * reason is recorded once ({@link CallStats#stopped()}). Calls already on the wire finish; answers are kept. An
 * endpoint that answered before is retried as usual (a restart, a blip).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class RetryingModelClient extends ForwardingModelClient {

    /** How retries behave. */
    public record Policy(int maxAttempts, Duration baseDelay, Duration maxDelay) {
    }

    /** Sleeps; replaceable in tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /** Attempts for a call to an endpoint that has not answered once, when it cannot be reached. */
    static final int UNREACHED_ATTEMPTS = 3;

    private final Policy policy;
    private final CallStats stats;
    private final Sleeper sleeper;
    private final Circuit circuit;

    public RetryingModelClient(ModelClient delegate, Policy policy, CallStats stats, Sleeper sleeper) {
        this(delegate, policy, stats, sleeper, new Circuit(stats));
    }

    /** @param circuit shared with the {@link Circuit#guard} under the limiter in {@code delegate} */
    RetryingModelClient(ModelClient delegate, Policy policy, CallStats stats, Sleeper sleeper, Circuit circuit) {
        super(delegate);
        this.policy = policy;
        this.stats = stats;
        this.sleeper = sleeper;
        this.circuit = circuit;
    }

    /**
     * The layers every HTTP model gets, outermost first: retries, the circuit's check of calls that waited for a
     * slot, adaptive concurrency, the HTTP client. Every attempt takes a slot; a retry waits without holding one.
     */
    public static ModelClient resilient(ModelClient http, int concurrency, Policy policy, CallStats stats, Sleeper sleeper) {
        Circuit circuit = new Circuit(stats);
        return new RetryingModelClient(new AdaptiveLimiter(circuit.guard(http), concurrency, stats, policy.maxDelay()),
                policy, stats, sleeper, circuit);
    }

    @Override
    public ChatResponse complete(ChatRequest request) {
        for (int attempt = 1; ; attempt++) {
            circuit.check();
            try {
                ChatResponse response = delegate.complete(request);
                circuit.answered();
                return response;
            } catch (ModelException e) {
                if (e instanceof Circuit.NotSent) {
                    throw e;
                }
                if (e.httpStatus() > 0) {
                    circuit.answered();
                }
                if (Circuit.refused(e) && !(e instanceof Circuit.Tripped)) {
                    throw circuit.trip(e, Circuit.REFUSED, name());
                }
                boolean unreached = !circuit.everAnswered() && Circuit.unreachable(e);
                int max = unreached ? Math.min(UNREACHED_ATTEMPTS, policy.maxAttempts()) : policy.maxAttempts();
                if (!e.retryable() || attempt >= max) {
                    ModelException last = attempt == 1 ? e
                            : e.withMessage(e.getMessage() + " (after " + attempt + " attempts)");
                    throw unreached ? circuit.trip(last, "the endpoint never answered", name()) : last;
                }
                stats.retry(e.httpStatus() > 0 ? "HTTP " + e.httpStatus() : "no response");
                try {
                    sleeper.sleep(delay(attempt, e.retryAfter().orElse(Duration.ZERO)));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e.withMessage(e.getMessage() + " (interrupted while waiting to retry)");
                }
            }
        }
    }

    /** Full jitter in [d/2, d] with d = base · 2^(attempt-1) capped at maxDelay; at least the server's hint. */
    Duration delay(int attempt, Duration hint) {
        long base = policy.baseDelay().toMillis();
        long cap = policy.maxDelay().toMillis();
        long exp = Math.min(cap, base * (1L << Math.min(20, attempt - 1)));
        long jittered = exp / 2 + (exp > 1 ? ThreadLocalRandom.current().nextLong(exp / 2 + 1) : 0);
        return Duration.ofMillis(Math.max(jittered, Math.min(hint.toMillis(), cap)));
    }
}
