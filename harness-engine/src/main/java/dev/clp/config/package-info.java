/**
 * Configuration: every {@code clp.*} key is a constant in {@link dev.clp.config.ClpConstants} with its
 * default and valid values; {@link dev.clp.config.ClpConfig} is the one typed object built from them.
 */
package dev.clp.config;
