package dev.clp.model;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Tries a failed call again when trying again may help ({@link ModelException#retryable()}): jittered
 * exponential backoff from {@code baseDelay} up to {@code maxDelay}, never shorter than the server's own
 * wait hint. 400, 401, 403 and 404 fail at once. When the attempts run out the last failure is thrown,
 * its message saying how many attempts were made.
 */
public final class RetryingModelClient extends ForwardingModelClient {

    /** How retries behave. */
    public record Policy(int maxAttempts, Duration baseDelay, Duration maxDelay) {
    }

    /** Sleeps; replaceable in tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final Policy policy;
    private final CallStats stats;
    private final Sleeper sleeper;

    public RetryingModelClient(ModelClient delegate, Policy policy, CallStats stats, Sleeper sleeper) {
        super(delegate);
        this.policy = policy;
        this.stats = stats;
        this.sleeper = sleeper;
    }

    @Override
    public ChatResponse complete(ChatRequest request) {
        for (int attempt = 1; ; attempt++) {
            try {
                return delegate.complete(request);
            } catch (ModelException e) {
                if (!e.retryable() || attempt >= policy.maxAttempts()) {
                    throw attempt == 1 ? e : e.withMessage(e.getMessage() + " (after " + attempt + " attempts)");
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
