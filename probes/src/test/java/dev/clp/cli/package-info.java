/** Tests of the clp command line. */
package dev.clp.cli;
