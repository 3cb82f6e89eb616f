/**
 * The Anthropic Messages API provider ({@code anthropic}): {@link dev.clp.model.anthropic.AnthropicMessagesClient}
 * and the {@link dev.clp.model.spi.ModelProvider} that builds it. Reached only through the provider SPI.
 */
package dev.clp.model.anthropic;
