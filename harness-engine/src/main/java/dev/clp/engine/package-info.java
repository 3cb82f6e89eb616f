/**
 * The JUnit Platform glue: the {@code clp} {@link org.junit.platform.engine.TestEngine}, its descriptors
 * ({@code [engine:clp]/[suite:<id>]/[lang:<tag>]/[pair:<id>]} and {@code [gate:gap]}), discovery and the
 * console summary listener. Thin: the work happens in {@code suite}, {@code model} and {@code scoring}.
 * Only this package touches JUnit Platform types.
 */
package dev.clp.engine;
