package dev.clp.model.spi;

import org.apiguardian.api.API;

/** A batch operation that failed; the message names the endpoint, file, line or batch id and what to do. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class BatchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BatchException(String message) {
        super(message);
    }

    public BatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
