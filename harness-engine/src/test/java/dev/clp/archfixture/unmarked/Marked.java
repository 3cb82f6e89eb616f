package dev.clp.archfixture.unmarked;

import org.apiguardian.api.API;

/** Keeps the marking rule; its public nested type needs no marker of its own. */
@API(status = API.Status.STABLE, since = "0.1")
public final class Marked {

    /** Covered by the enclosing type's marker. */
    public record Nested(int value) {
    }
}
