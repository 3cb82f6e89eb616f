/**
 * Model clients: one {@link dev.clp.model.ModelClient} interface, an OpenAI-compatible HTTP client over
 * one shared OkHttp client, and the deterministic offline simulator {@code sim:<profile>}.
 * Plain Java: nothing here touches the JUnit Platform.
 */
package dev.clp.model;
