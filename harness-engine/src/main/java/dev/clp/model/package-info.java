/**
 * Model clients: the {@link dev.clp.model.ModelClient} interface and its values ({@code ChatRequest},
 * {@code ChatResponse}, {@code ChatMessage}, {@code ModelException}, {@code BudgetExhaustedException}),
 * {@link dev.clp.model.ModelClients}, which builds a run's client through the provider SPI
 * ({@link dev.clp.model.spi}) and wraps it in the common layers (cache, budget, retry, circuit, adaptive
 * concurrency), the run's {@link dev.clp.model.CallStats} and {@link dev.clp.model.SafeText}. The HTTP providers live
 * in {@code dev.clp.model.openai} and {@code dev.clp.model.anthropic}, their shared plumbing in
 * {@code dev.clp.model.http}. Plain Java: nothing here touches the JUnit Platform, and nothing here knows the
 * simulator ({@code dev.clp.sim}).
 */
package dev.clp.model;
