package dev.clp.model;

/** A call refused because the run's budget is spent; the run ends cleanly and keeps every result so far. */
public final class BudgetExhaustedException extends ModelException {

    private static final long serialVersionUID = 1L;

    public BudgetExhaustedException(String message) {
        super(message, 0);
    }
}
