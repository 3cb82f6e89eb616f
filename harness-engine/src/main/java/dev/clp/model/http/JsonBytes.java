package dev.clp.model.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apiguardian.api.API;

/**
 * A JSON tree's text as UTF-8 bytes, exactly {@code node.toString().getBytes(UTF_8)}, written by Jackson's UTF-8
 * generator instead of through a {@code String}: every model call serialises its request body and its cache key, and
 * the text and its re-encoding cost more than the call's own HTTP work (issue 17.4). The two differ only where the text
 * holds a UTF-16 surrogate: the UTF-8 generator escapes it ({@code \\uD83D}), {@code String.getBytes} encodes a pair
 * as four bytes and a lone one as {@code ?}. The generator's output is therefore checked for such an escape (one pass
 * over the bytes, cheaper than one over the text's characters) and such a tree takes the {@code String} path, so bytes,
 * and the cache keys hashed from them, never change.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class JsonBytes {

    private JsonBytes() {
    }

    /** The UTF-8 bytes of {@code node.toString()}. */
    public static byte[] utf8(ObjectMapper mapper, JsonNode node) {
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return escapesSurrogate(bytes) ? node.toString().getBytes(StandardCharsets.UTF_8) : bytes;
    }

    /**
     * Whether JSON text holds a {@code \\u} escape of a surrogate ({@code D800}-{@code DFFF}, either case). A backslash
     * always starts an escape in JSON text, so an escaped backslash followed by {@code uD800} is skipped, not matched.
     */
    static boolean escapesSurrogate(byte[] json) {
        for (int i = 0; i < json.length; i++) {
            if (json[i] != '\\') {
                continue;
            }
            if (i + 3 < json.length && json[i + 1] == 'u' && (json[i + 2] == 'D' || json[i + 2] == 'd')
                    && "89ABCDEFabcdef".indexOf(json[i + 3]) >= 0) {
                return true;
            }
            i++; // the escaped character (the rest of a \\uXXXX escape is hex digits, never a backslash)
        }
        return false;
    }
}
