package dev.clp.engine;

/** Results (run.json, gates.json, Allure, the baseline) that could not be written; the verdicts stand. */
final class ResultsNotWritten extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ResultsNotWritten(String message) {
        super(message);
    }
}
