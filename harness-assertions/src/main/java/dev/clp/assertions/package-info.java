/**
 * Assertions for teams that write their own tests on top of the clp engine: {@link dev.clp.assertions.ClpRunner}
 * runs a suite through the JUnit Platform Launcher and returns the typed run record
 * ({@link dev.clp.assertions.ClpRun}); {@link dev.clp.assertions.ClpAssertions#assertThat(ClpRun)} asserts on it
 * AssertJ-style, with failure messages that name the language, the figures and the threshold.
 */
package dev.clp.assertions;
