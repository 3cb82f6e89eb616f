package dev.clp.archfixture.plain;

import org.junit.platform.engine.UniqueId;

/** Breaks the plain-Java rule: it touches a JUnit Platform type. */
public final class UsesPlatform {

    /** Uses it. */
    public static String id() {
        return UniqueId.forEngine("clp").toString();
    }
}
