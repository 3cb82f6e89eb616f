/**
 * The layers {@link dev.clp.model.ModelClients} wraps every remote provider's client in, outermost first:
 * {@code CachingModelClient} + {@code ResponseCache} (SQLite; {@code SqliteNative} keeps its native library),
 * {@code BudgetedModelClient}, {@code RetryingModelClient} with the model's {@code Circuit}, {@code AdaptiveLimiter}.
 * Internal to the harness: neither users nor plug-in providers build them.
 */
package dev.clp.model.internal;
