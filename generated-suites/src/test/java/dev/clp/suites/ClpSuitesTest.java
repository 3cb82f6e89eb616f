package dev.clp.suites;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * The Surefire bridge: Surefire discovers classes, not data files, so this suite class hands the
 * {@code suites} directory to the {@code clp} engine. {@code mvn test} in this module runs every committed
 * suite against {@code clp.model}.
 */
@Suite
@SuiteDisplayName("clp suites")
@IncludeEngines("clp")
@SelectDirectories("suites")
class ClpSuitesTest {
}
