/** Tests of the generator: search, checkpoint and resume, checks, output. */
package dev.clp.probes;
