package dev.clp.archfixture.unmarked;

import org.apiguardian.api.API;

/** A status but no since: breaks the marking rule. */
@API(status = API.Status.EXPERIMENTAL)
public final class WithoutSince {
}
