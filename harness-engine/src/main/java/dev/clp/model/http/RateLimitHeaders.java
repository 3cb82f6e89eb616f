package dev.clp.model.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Reads a server's wait hint from its headers: {@code Retry-After} (seconds or an HTTP date), Azure's
 * {@code retry-after-ms}, OpenAI's
 * {@code x-ratelimit-reset-requests} / {@code x-ratelimit-reset-tokens} ({@code 1s}, {@code 6m0s},
 * {@code 20ms}) and Anthropic's {@code anthropic-ratelimit-*-reset} (RFC 3339). The longest wins.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RateLimitHeaders {

    private static final Pattern GO_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");

    private RateLimitHeaders() {
    }

    public static Optional<Duration> waitHint(Function<String, String> header, Instant now) {
        Duration best = null;
        best = max(best, retryAfter(header.apply("Retry-After"), now));
        String ms = header.apply("retry-after-ms");
        if (ms != null && ms.trim().matches("\\d+(\\.\\d+)?")) {
            best = max(best, Duration.ofMillis((long) Double.parseDouble(ms.trim())));
        }
        for (String name : new String[] {"x-ratelimit-reset-requests", "x-ratelimit-reset-tokens"}) {
            best = max(best, goDuration(header.apply(name)));
        }
        for (String name : new String[] {"anthropic-ratelimit-requests-reset", "anthropic-ratelimit-tokens-reset",
                "anthropic-ratelimit-input-tokens-reset", "anthropic-ratelimit-output-tokens-reset"}) {
            best = max(best, instant(header.apply(name), now));
        }
        return Optional.ofNullable(best);
    }

    static Duration retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            double seconds = Double.parseDouble(v);
            return seconds < 0 ? null : Duration.ofMillis((long) (seconds * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(now, at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException notADate) {
                return null;
            }
        }
    }

    static Duration goDuration(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Matcher m = GO_DURATION.matcher(value.trim());
        double millis = 0;
        boolean any = false;
        while (m.find()) {
            any = true;
            double n = Double.parseDouble(m.group(1));
            millis += switch (m.group(2)) {
                case "h" -> n * 3_600_000;
                case "m" -> n * 60_000;
                case "s" -> n * 1_000;
                default -> n;
            };
        }
        return any ? Duration.ofMillis((long) millis) : null;
    }

    private static Duration instant(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Duration d = Duration.between(now, Instant.parse(value.trim()));
            return d.isNegative() ? Duration.ZERO : d;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Duration max(Duration a, Duration b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }
}
