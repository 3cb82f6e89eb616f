package dev.clp.model.spi;

import dev.clp.model.ChatRequest;
import dev.clp.model.ChatResponse;
import java.util.List;
import org.apiguardian.api.API;

/**
 * One provider's batch API: its limits, its request lines, and submit, status, results and cancel. A provider offers
 * one through {@link ModelProvider#batch}; {@code dev.clp.batch.Batches} drives it. Failure contract: every failed call
 * is a {@link BatchException} naming the method and URL, the status and the server's own message, never the API key.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface BatchApi {

    /** Most requests in one batch. */
    int maxRequests();

    /** Most bytes of one batch's requests. */
    long maxBytes();

    /** The request as one line of the batch's input, {@code customId} its key. */
    String line(String customId, ChatRequest request);

    /** Submits one batch of {@link #line} lines. */
    Submitted submit(List<String> lines);

    /**
     * A submitted batch.
     *
     * @param inputFile the uploaded input file's id, or "" when the requests went in the call itself
     */
    record Submitted(String id, String inputFile, String status) {
    }

    /** The batch as the provider reports it now. */
    Remote status(String id);

    /** Reads a finished batch's results: every answer, every failed request, every line that could not be read. */
    void results(Remote batch, Results sink);

    /**
     * Reads one line of a results file (a downloaded output file, or a self-hosted server's output file imported by
     * {@code clp batch import}), {@code where} naming the file in messages.
     */
    void readLine(String where, int number, String line, Results sink);

    /** Asks the provider to cancel the batch; what was answered before stays collectable. */
    Remote cancel(String id);

    /**
     * A batch as the provider reports it.
     *
     * @param status the provider's status word
     * @param ended no request of it will be answered any more (completed, failed, expired, cancelled, ended)
     * @param counts what the provider says about its requests, as it says it
     * @param problem a failed batch's own errors (validation), or ""
     */
    record Remote(String id, String status, boolean ended, String counts, String problem) {
    }

    /** Receives the results of a batch. */
    interface Results {
        void answer(String key, ChatResponse response);

        void failed(String key, String why);

        /** A line that could not be read, named by its file (or URL) and number; the other lines are kept. */
        void badLine(String where, int line, String why);

        /** The request a key stands for, or null when the key is not one of this run's. */
        ChatRequest request(String key);
    }
}
