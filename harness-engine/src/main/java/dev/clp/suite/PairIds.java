package dev.clp.suite;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable pair ids derived from content, so a regenerated suite keeps IDE reruns and report history.
 * The id depends on the target language and the English side only: fixing a translation keeps the id.
 * Form: {@code <lang>-<16 hex digits of SHA-256>}.
 */
public final class PairIds {

    private PairIds() {
    }

    public static String of(String lang, Side en) {
        StringBuilder canonical = new StringBuilder()
                .append(lang).append('\u001f')
                .append(en.question()).append('\u001f');
        for (String choice : en.choices()) {
            canonical.append(choice).append('\u001e');
        }
        canonical.append('\u001f').append(en.answer());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return lang + "-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
