package dev.clp.model;

/**
 * A model call that failed. The message names the endpoint and what to check; it never contains a secret.
 */
public class ModelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;

    public ModelException(String message, int httpStatus, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
    }

    public ModelException(String message, int httpStatus) {
        this(message, httpStatus, null);
    }

    /** The HTTP status, or 0 when no response arrived. */
    public int httpStatus() {
        return httpStatus;
    }
}
