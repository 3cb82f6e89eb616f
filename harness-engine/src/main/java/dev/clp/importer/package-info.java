/**
 * Importers from published formats into suite format v1. {@link dev.clp.importer.ClpPublishedImporter}
 * reads the Cross-Lingual Pitfalls release ({@code <Language>.json}), repairs only what is unambiguous,
 * and accounts for every record: imported + quarantined = read.
 */
package dev.clp.importer;
