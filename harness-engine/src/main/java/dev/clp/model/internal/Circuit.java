package dev.clp.model.internal;

import dev.clp.model.CallStats;
import dev.clp.model.ChatRequest;
import dev.clp.model.ChatResponse;
import dev.clp.model.ModelClient;
import dev.clp.model.ModelException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What all calls of one model share: whether the endpoint ever answered, and whether the calls not yet sent must
 * fail at once (a refused key; an endpoint that never answered). {@link RetryingModelClient} decides when it opens;
 * {@link #guard} checks it right before a request goes on the wire, after the call got its slot from the
 * {@link AdaptiveLimiter}, so that calls that waited for a slot are not sent either, and opens it on a refused key
 * before the limiter frees the slot.
 */
final class Circuit {

    private final CallStats stats;
    /** Some HTTP response (any status) has arrived from the endpoint. */
    private final AtomicBoolean answered = new AtomicBoolean();
    /** Why the calls not yet sent fail at once; null while the circuit is closed. */
    private final AtomicReference<ModelException> open = new AtomicReference<>();

    Circuit(CallStats stats) {
        this.stats = stats;
    }

    /** Fails at once, non-retryable, when the circuit is open. */
    void check() {
        ModelException stop = open.get();
        if (stop != null) {
            throw new NotSent(stop);
        }
    }

    /** The failure that opened the circuit. */
    static final class Tripped extends ModelException {
        private static final long serialVersionUID = 1L;

        Tripped(String message, ModelException cause) {
            super(message, cause.httpStatus(), false, null, cause);
        }
    }

    /** Whether a failure means the key was refused. */
    static boolean refused(ModelException e) {
        return e.httpStatus() == 401 || e.httpStatus() == 403;
    }

    /** What a refused key means for the other calls. */
    static final String REFUSED = "the endpoint refused the API key; answers received so far are kept";

    /** A call the open circuit did not send. */
    static final class NotSent extends ModelException {
        private static final long serialVersionUID = 1L;

        NotSent(ModelException reason) {
            super("not sent: " + reason.getMessage(), reason.httpStatus(), false, null, reason);
        }
    }

    /** Records that the endpoint answered (with any HTTP status). */
    void answered() {
        answered.set(true);
    }

    boolean everAnswered() {
        return answered.get();
    }

    /** A failure to reach the endpoint at all: nothing was sent, no server is there (yet). */
    static boolean unreachable(ModelException e) {
        return e.httpStatus() == 0
                && (e.getCause() instanceof ConnectException || e.getCause() instanceof UnknownHostException);
    }

    /**
     * Opens the circuit (the first reason wins and is recorded in {@link CallStats#stopped()}) and returns the failure,
     * non-retryable, saying what it means for the other calls.
     */
    ModelException trip(ModelException e, String why, String model) {
        ModelException stopped = new Tripped(e.getMessage() + "; " + why + ", so the remaining calls of " + model
                + " are not sent", e);
        if (open.compareAndSet(null, stopped)) {
            stats.stopped(model + " stopped after: " + stopped.getMessage());
        }
        return stopped;
    }

    /** A layer that checks the circuit before each request: put it under the limiter, above the HTTP client. */
    ModelClient guard(ModelClient http) {
        return new ForwardingModelClient(http) {
            @Override
            public ChatResponse complete(ChatRequest request) {
                check();
                try {
                    ChatResponse response = delegate.complete(request);
                    answered();
                    return response;
                } catch (ModelException e) {
                    if (e.httpStatus() > 0) {
                        answered();
                    }
                    // opened here, before the limiter hands the slot to a waiting call, so that one is not sent
                    throw refused(e) ? trip(e, REFUSED, name()) : e;
                }
            }
        };
    }
}
