package dev.clp.suite;

import org.apiguardian.api.API;

/** A suite or suite file that cannot be used at all; the message names the file. */
@API(status = API.Status.STABLE, since = "0.1")
public class SuiteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SuiteException(String message) {
        super(message);
    }

    public SuiteException(String message, Throwable cause) {
        super(message, cause);
    }
}
