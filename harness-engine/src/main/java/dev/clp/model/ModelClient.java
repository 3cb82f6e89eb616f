package dev.clp.model;

import org.apiguardian.api.API;

/** A model that answers chat requests. Implementations are thread-safe. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface ModelClient extends AutoCloseable {

    /**
     * Sends one request.
     *
     * @throws ModelException when the model cannot answer; the message names the endpoint and the cause
     */
    ChatResponse complete(ChatRequest request);

    /** {@code <provider>:<model>} as configured. */
    String name();

    /** Whether this is the offline simulator, to label every output SIMULATED. */
    default boolean simulated() {
        return false;
    }

    @Override
    default void close() {
    }
}
