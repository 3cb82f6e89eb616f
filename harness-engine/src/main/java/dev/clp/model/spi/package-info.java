/**
 * The provider plug-in point: {@link dev.clp.model.spi.ModelProvider}, loaded with {@link java.util.ServiceLoader}
 * and chosen by the {@code clp.model} prefix, with the {@link dev.clp.model.spi.ProviderContext} it builds a client
 * from. How to add a provider: harness-engine/README.md, "Adding a provider".
 */
package dev.clp.model.spi;
