/** Classes that break the architecture rules on purpose, so that each rule is shown to fail when broken. */
package dev.clp.archfixtures;
