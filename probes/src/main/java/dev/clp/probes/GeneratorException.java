package dev.clp.probes;

import org.apiguardian.api.API;

/** A generator run cannot go on; the message names the file, flag or model to fix. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class GeneratorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public GeneratorException(String message) {
        super(message);
    }

    public GeneratorException(String message, Throwable cause) {
        super(message, cause);
    }
}
