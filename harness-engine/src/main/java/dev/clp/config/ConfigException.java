package dev.clp.config;

import org.apiguardian.api.API;

/** A configuration value that cannot be used; the message names the key, the value and what is valid. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
