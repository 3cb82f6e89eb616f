/**
 * The suite model (format v1): a suite directory holds {@code suite.json} and one
 * {@code pairs-<lang>.jsonl} per target language. {@link dev.clp.suite.SuiteReader} streams pairs and
 * reports every problem as {@code file:line: field: what is wrong}; {@link dev.clp.suite.SuiteWriter}
 * writes files deterministically (sorted by id, ids derived from content by {@link dev.clp.suite.PairIds}).
 * Plain Java: nothing here touches the JUnit Platform.
 */
package dev.clp.suite;
