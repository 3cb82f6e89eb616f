/**
 * Batch mode: the requests a run would send, submitted to a provider's batch API (OpenAI and Azure OpenAI Files +
 * Batches, Anthropic Message Batches) or exported as the OpenAI batch JSONL a self-hosted vLLM {@code run-batch}
 * takes, and their answers filed in the response cache under the keys a synchronous call would use, so that the run
 * then replays them. {@link dev.clp.batch.Batches} is the entry point; the state of submitted batches is a JSON file
 * ({@link dev.clp.batch.BatchState}) written atomically, so any later process can collect.
 */
package dev.clp.batch;
