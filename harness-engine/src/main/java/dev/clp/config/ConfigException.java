package dev.clp.config;

/** A configuration value that cannot be used; the message names the key, the value and what is valid. */
public class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
