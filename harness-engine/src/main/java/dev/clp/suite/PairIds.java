package dev.clp.suite;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apiguardian.api.API;

/**
 * Stable pair ids derived from content, so a regenerated suite keeps IDE reruns and report history.
 * The id depends on the target language and the English side only: fixing a translation keeps the id.
 * Form: {@code <lang>-<16 hex digits of SHA-256>}.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class PairIds {

    private PairIds() {
    }

    /**
     * A key of the pair's English source question, the same in every language: the original question before any
     * distraction was added (or the English question), normalized for case and spacing. Reports use it to find the
     * weak pairs languages share. Form: {@code q-<12 hex digits>}.
     */
    public static String question(Pair pair) {
        Perturbation.Part en = pair.perturbation() == null ? null : pair.perturbation().en();
        String text = en != null && en.original() != null ? en.original() : pair.en().question();
        String normalized = text.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
            return "q-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
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
