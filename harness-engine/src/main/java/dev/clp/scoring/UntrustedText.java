package dev.clp.scoring;

import org.apiguardian.api.API;

/** Model answers and suite text are untrusted: the one HTML escaping every renderer uses. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class UntrustedText {

    private UntrustedText() {
    }

    /** Escapes text for HTML element content and quoted attribute values ({@code & < > " '}). */
    public static String html(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
