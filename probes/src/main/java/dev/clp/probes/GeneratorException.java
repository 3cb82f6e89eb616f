package dev.clp.probes;

/** A generator run cannot go on; the message names the file, flag or model to fix. */
public final class GeneratorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public GeneratorException(String message) {
        super(message);
    }

    public GeneratorException(String message, Throwable cause) {
        super(message, cause);
    }
}
