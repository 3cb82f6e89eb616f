package dev.clp.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apiguardian.api.API;

/** The simulator's deterministic draws: numbers from a SHA-256 of a seed, the prompt and the sample. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Draws {

    private Draws() {
    }

    /** A number in [0, 1) from 7 bytes of the hash starting at offset. */
    public static double unit(byte[] h, int offset) {
        long v = 0;
        for (int i = 0; i < 7; i++) {
            v = (v << 8) | (h[offset + i] & 0xff);
        }
        return v / (double) (1L << 56);
    }

    /** SHA-256 of the text's UTF-8 bytes. */
    public static byte[] hash(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
