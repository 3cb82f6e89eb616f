/**
 * The OpenAI chat completions provider ({@code openai}, any OpenAI-compatible server) and Azure OpenAI
 * ({@code azure}): {@link dev.clp.model.openai.OpenAiChatClient} and the two
 * {@link dev.clp.model.spi.ModelProvider}s that build it. Reached only through the provider SPI.
 */
package dev.clp.model.openai;
