package dev.clp.model.internal;

import dev.clp.model.CallStats;
import dev.clp.model.ChatRequest;
import dev.clp.model.ChatResponse;
import dev.clp.model.ModelClient;
import dev.clp.model.ModelException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apiguardian.api.API;

/**
 * Adaptive concurrency for one endpoint (additive increase, multiplicative decrease): at most
 * {@code limit} calls in flight; a 429 halves the limit (never below 1) and holds new calls back for the
 * server's wait hint (at most {@code maxPause}); every success raises it by 1/limit, up to {@code clp.concurrency}.
 * Like TCP's one cut per round trip, 429s within a second of a cut do not cut again: a burst of them is one
 * overload signal, not many.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class AdaptiveLimiter extends ForwardingModelClient {

    private final int max;
    private final CallStats stats;
    private final Duration maxPause;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private double limit;
    private int inFlight;
    private long pausedUntilNanos;
    private long lastCutNanos = Long.MIN_VALUE / 2;
    private static final long CUT_COOLDOWN_NANOS = 1_000_000_000L;

    /**
     * @param max the most calls in flight ({@code clp.concurrency})
     * @param maxPause the longest a 429's wait hint may hold back new calls ({@code clp.retry.max-delay-ms})
     */
    public AdaptiveLimiter(ModelClient delegate, int max, CallStats stats, Duration maxPause) {
        super(delegate);
        this.max = max;
        this.limit = max;
        this.stats = stats;
        this.maxPause = maxPause;
    }

    @Override
    public ChatResponse complete(ChatRequest request) {
        acquire();
        boolean success = false;
        ModelException failure = null;
        try {
            ChatResponse r = delegate.complete(request);
            success = true;
            return r;
        } catch (ModelException e) {
            failure = e;
            throw e;
        } finally {
            release(success, failure);
        }
    }

    private void acquire() {
        lock.lock();
        try {
            while (true) {
                long wait = pausedUntilNanos - System.nanoTime();
                if (wait <= 0 && inFlight < (int) Math.floor(limit)) {
                    inFlight++;
                    return;
                }
                try {
                    if (wait > 0) {
                        changed.awaitNanos(wait);
                    } else {
                        changed.await(1, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ModelException("interrupted while waiting for a free slot to " + delegate.name(), 0);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void release(boolean success, ModelException failure) {
        lock.lock();
        try {
            inFlight--;
            if (failure != null && failure.httpStatus() == 429) {
                long now = System.nanoTime();
                if (now - lastCutNanos >= CUT_COOLDOWN_NANOS) {
                    limit = Math.max(1.0, limit / 2);
                    lastCutNanos = now;
                    stats.limitCut();
                }
                Duration hint = failure.retryAfter().orElse(Duration.ZERO);
                if (hint.compareTo(maxPause) > 0) {
                    hint = maxPause;
                }
                pausedUntilNanos = Math.max(pausedUntilNanos, System.nanoTime() + hint.toNanos());
                changed.signalAll(); // every waiter must see the pause
                return;
            } else if (success) {
                limit = Math.min(max, limit + 1.0 / limit);
            }
            // wake as many waiters as there are free slots, not all of them: with 2 x concurrency workers waiting,
            // waking all on every call cost a herd of context switches per call on a small machine
            for (int free = (int) Math.floor(limit) - inFlight; free > 0; free--) {
                changed.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The current limit (for reports and tests). */
    public double limit() {
        lock.lock();
        try {
            return limit;
        } finally {
            lock.unlock();
        }
    }
}
