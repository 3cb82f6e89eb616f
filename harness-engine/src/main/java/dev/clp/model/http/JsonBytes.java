package dev.clp.model.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A JSON tree's text as UTF-8 bytes, exactly {@code node.toString().getBytes(UTF_8)}, written by Jackson's UTF-8
 * generator instead of through a {@code String}: every model call serialises its request body and its cache key, and
 * the text and its re-encoding cost more than the call's own HTTP work (issue 17.4). The two differ only where the text
 * holds a UTF-16 surrogate (the UTF-8 generator escapes it as {@code \ud83d}, {@code String.getBytes} encodes a pair as
 * four bytes and a lone one as {@code ?}): such a tree takes the {@code String} path, so bytes, and the cache keys
 * hashed from them, never change.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class JsonBytes {

    private JsonBytes() {
    }

    /** The UTF-8 bytes of {@code node.toString()}. */
    public static byte[] utf8(ObjectMapper mapper, JsonNode node) {
        if (hasSurrogate(node)) {
            return node.toString().getBytes(StandardCharsets.UTF_8);
        }
        try {
            return mapper.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the UTF-8 bytes of {@code node.toString()} to {@code out} (which it closes). */
    public static void write(ObjectMapper mapper, JsonNode node, OutputStream out) {
        try (out) {
            if (hasSurrogate(node)) {
                out.write(node.toString().getBytes(StandardCharsets.UTF_8));
            } else {
                mapper.writeValue(out, node);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a text value or field name of the tree holds a UTF-16 surrogate. */
    static boolean hasSurrogate(JsonNode node) {
        if (node.isTextual()) {
            return hasSurrogate(node.textValue());
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (hasSurrogate(e.getKey()) || hasSurrogate(e.getValue())) {
                    return true;
                }
            }
            return false;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (hasSurrogate(element)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
