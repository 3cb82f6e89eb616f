/** The Surefire bridge to the clp engine and checks of the committed suites. */
package dev.clp.suites;
