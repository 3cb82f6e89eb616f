package dev.clp.model;

import dev.clp.model.internal.ResponseCache;
import dev.clp.model.internal.SqliteNative;
import org.apiguardian.api.API;

/**
 * What other modules that keep model answers in SQLite of their own (the generator's checkpoint) share with the
 * response cache, without reaching into its internals: the key of a request and the loading of SQLite's native library.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Storage {

    private Storage() {
    }

    /**
     * The stable key of a request to a model (format 1 of the response cache: provider, endpoint, model, messages,
     * temperature, token limit and sample index), for a store whose keys must survive across runs.
     */
    public static String requestKey(String provider, String endpoint, String model, ChatRequest request) {
        return ResponseCache.key(provider, endpoint, model, request);
    }

    /**
     * Loads SQLite's native library as the response cache does (extracted where it may run, also on a temporary
     * directory mounted noexec), before opening a SQLite file through JDBC.
     */
    public static void prepareSqlite() {
        SqliteNative.prepare();
    }
}
