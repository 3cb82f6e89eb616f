package dev.clp.model.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** A batch's body written part by part: the bytes a joined String would have, its length counted, rewritable. */
class JoinedBodyTest {

    @Test
    void theBodyIsThePartsJoinedAsUtf8AndItsLengthIsItsByteCount() throws Exception {
        List<String> parts = List.of("{\"q\":\"Swahili: Jibu ni B\"}", "{\"q\":\"中文 答案是 C\"}", "{\"q\":\"አማርኛ 😀\"}");
        RequestBody body = BatchHttp.joined(MediaType.get("application/jsonl"), "[", parts, ",", "]");
        String expected = "[" + String.join(",", parts) + "]";
        Buffer first = new Buffer();
        body.writeTo(first);
        Buffer again = new Buffer();
        body.writeTo(again);
        assertThat(first.readUtf8()).isEqualTo(expected);
        assertThat(again.readUtf8()).as("a retried call writes the same body").isEqualTo(expected);
        assertThat(body.contentLength()).isEqualTo(expected.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }

    @Test
    void noPartsIsJustTheFrame() throws Exception {
        RequestBody body = BatchHttp.joined(MediaType.get("application/json"), "{\"requests\":[", List.of(), ",", "]}");
        Buffer b = new Buffer();
        body.writeTo(b);
        assertThat(b.readUtf8()).isEqualTo("{\"requests\":[]}");
        assertThat(body.contentLength()).isEqualTo(15);
    }
}
