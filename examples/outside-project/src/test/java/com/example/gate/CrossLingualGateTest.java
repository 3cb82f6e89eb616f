package com.example.gate;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectClasspathResource;
import org.junit.platform.suite.api.Suite;

/**
 * Runs every suite under the classpath resource {@code clp-suites} through the clp engine against the model named
 * by {@code clp.model} (junit-platform.properties, {@code -Dclp.model=...} or {@code CLP_MODEL}).
 */
@Suite
@IncludeEngines("clp")
@SelectClasspathResource("clp-suites")
class CrossLingualGateTest {
}
