/** A provider plug-in written as a team would write one, used by tests only: {@code acme:<model>}. */
package dev.clp.plugin;
