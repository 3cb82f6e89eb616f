package dev.clp.model;

import org.apiguardian.api.API;

/** A call refused because the run's budget is spent; the run ends cleanly and keeps every result so far. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class BudgetExhaustedException extends ModelException {

    private static final long serialVersionUID = 1L;

    public BudgetExhaustedException(String message) {
        super(message, 0);
    }
}
