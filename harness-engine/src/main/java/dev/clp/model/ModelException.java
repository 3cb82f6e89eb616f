package dev.clp.model;

import java.time.Duration;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A model call that failed. The message names the endpoint and what to check; it never contains a secret.
 * {@link #retryable()} says whether trying again may help (408, 409, 429, 5xx, timeouts, reset connections,
 * a garbled body); {@link #retryAfter()} carries the server's own hint when it gave one.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class ModelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final boolean retryable;
    private final transient Duration retryAfter;

    public ModelException(String message, int httpStatus, boolean retryable, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    /** A failure that trying again will not fix. */
    public ModelException(String message, int httpStatus) {
        this(message, httpStatus, false, null, null);
    }

    /** The HTTP status, or 0 when no response arrived. */
    public int httpStatus() {
        return httpStatus;
    }

    public boolean retryable() {
        return retryable;
    }

    /** How long the server asked us to wait, if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The same failure with a different message (the cause and retry hints are kept). */
    public ModelException withMessage(String message) {
        return new ModelException(message, httpStatus, retryable, retryAfter, this);
    }
}
