/**
 * Reports from run results ({@code run.json}): for now the Markdown summary for CI step summaries.
 * Allure results and the HTML report come next. Everything rendered from model output is escaped.
 */
package dev.clp.reports;
