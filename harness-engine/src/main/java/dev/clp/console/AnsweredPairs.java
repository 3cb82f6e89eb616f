package dev.clp.console;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import org.apiguardian.api.API;
import org.junit.platform.engine.UniqueId;

/**
 * The pairs whose answers are in, as the engine learns them, for {@link ProgressListener}. JUnit reports a pair only
 * when its turn in the test tree comes, and the first language's gates wait for every answer of the run (Holm needs
 * all of them): counted from JUnit's events, a 4,189-pair run's progress stood at the first language's 424 pairs for a
 * minute while the model answered the other 3,765. The engine and the listeners of one launcher share this JVM.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class AnsweredPairs {

    private static final Set<Consumer<UniqueId>> LISTENERS = new CopyOnWriteArraySet<>();

    private AnsweredPairs() {
    }

    /** The engine has the outcome of the pair with this unique id (answered, unreadable or failed). */
    public static void answered(UniqueId pair) {
        for (Consumer<UniqueId> listener : LISTENERS) {
            listener.accept(pair);
        }
    }

    static void listen(Consumer<UniqueId> listener) {
        LISTENERS.add(listener);
    }

    static void stop(Consumer<UniqueId> listener) {
        LISTENERS.remove(listener);
    }
}
