/** A fixture package named internal: its types are internal without a marker. */
package dev.clp.archfixture.provider.internal;
