package dev.clp.model;

import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.apiguardian.api.API;

/**
 * The two filters every text from outside passes before it is printed or stored: {@link #url} removes what may be a
 * secret from an endpoint URL, {@link #terminal} removes what a terminal would obey (escape sequences, control
 * characters) from a server's or a suite's text. Every message, run.json setting, Allure text and log line that shows
 * an endpoint calls {@link #url}; every message built from an error body calls {@link #terminal} (model answers are
 * quoted with their controls escaped by {@code PairOutcome.quote}).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SafeText {

    /** ESC [ … final byte (CSI), ESC ] … BEL or ESC \ (OSC), other ESC sequences (two characters), and their C1 forms. */
    private static final Pattern ESCAPES = Pattern.compile(
            "\u001b\\[[0-?]*[ -/]*[@-~]?" // CSI
            + "|\u009b[0-?]*[ -/]*[@-~]?" // C1 CSI
            + "|(?:\u001b\\]|\u009d)[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\\\|\u009c)?" // OSC, up to BEL or ST
            + "|(?:\u001b[PX^_]|[\u0090\u0098\u009e\u009f])[^\u001b\u009c]*(?:\u001b\\\\|\u009c)?" // DCS, SOS, PM, APC
            + "|\u001b[ -~]?"); // any other ESC x
    /** user-info in something that looks like a URL but did not parse as one. */
    private static final Pattern USER_INFO = Pattern.compile("(//)[^/?#@\\s]*@");
    /** query values in something that looks like a URL but did not parse as one. */
    private static final Pattern QUERY_VALUE = Pattern.compile("([?&][^=&#\\s]*=)[^&#\\s]*");

    private SafeText() {
    }

    /**
     * The URL as it may be shown: no user-info, every query value replaced by {@code ***} (the names are kept:
     * {@code ?api-key=***}), no fragment. Text that is not an http(s) URL is filtered the same way, as far as it looks
     * like one. Null stays null.
     */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        HttpUrl parsed = HttpUrl.parse(url.strip());
        if (parsed == null) {
            return terminal(QUERY_VALUE.matcher(USER_INFO.matcher(url).replaceAll("$1")).replaceAll("$1***"), false);
        }
        return url(parsed);
    }

    /** As {@link #url(String)}. */
    public static String url(HttpUrl url) {
        HttpUrl.Builder b = url.newBuilder().username("").password("").fragment(null).query(null);
        for (int i = 0; i < url.querySize(); i++) {
            String value = url.queryParameterValue(i);
            b.addEncodedQueryParameter(url.queryParameterName(i), value == null ? null : "***");
        }
        // the encoded form would turn the stars into %2A%2A%2A
        return b.build().toString().replace("%2A%2A%2A", "***");
    }

    /** {@code scheme://host[:port]} of an endpoint: no user-info, path or query; {@code (not a URL)} otherwise. */
    public static String origin(String url) {
        HttpUrl parsed = url == null ? null : HttpUrl.parse(url.strip());
        if (parsed == null) {
            return "(not a URL)";
        }
        boolean defaultPort = parsed.port() == HttpUrl.defaultPort(parsed.scheme());
        return parsed.scheme() + "://" + (parsed.host().contains(":") ? "[" + parsed.host() + "]" : parsed.host())
                + (defaultPort ? "" : ":" + parsed.port());
    }

    /**
     * The text without what a terminal would act on: ANSI CSI and OSC sequences (and the other ESC sequences) and
     * every C0 and C1 control character are removed; with {@code multiLine}, newlines and tabs are kept, otherwise
     * they become spaces. Null becomes the empty string.
     */
    public static String terminal(String text, boolean multiLine) {
        if (text == null) {
            return "";
        }
        String s = text;
        if (s.indexOf('\u001b') >= 0 || hasC1(s)) {
            s = ESCAPES.matcher(s).replaceAll("");
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            boolean kept = multiLine && (c == '\n' || c == '\t');
            if (control && !kept) {
                if (b == null) {
                    b = new StringBuilder(s.length()).append(s, 0, i);
                }
                if (c == '\n' || c == '\t' || c == '\r' || c == '\u2028' || c == '\u2029') {
                    b.append(' ');
                }
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    /** {@link #terminal(String, boolean)} for one line. */
    public static String oneLine(String text) {
        return terminal(text, false);
    }

    private static boolean hasC1(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\u0080' && c <= '\u009f') {
                return true;
            }
        }
        return false;
    }
}
