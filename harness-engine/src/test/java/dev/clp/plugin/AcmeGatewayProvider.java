package dev.clp.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clp.config.ClpConfig;
import dev.clp.config.ClpConstants;
import dev.clp.config.ConfigException;
import dev.clp.model.CallStats;
import dev.clp.model.ChatRequest;
import dev.clp.model.ChatResponse;
import dev.clp.model.ModelClient;
import dev.clp.model.ModelException;
import dev.clp.model.SafeText;
import dev.clp.model.http.HttpJson;
import dev.clp.model.spi.ModelProvider;
import dev.clp.model.spi.ProviderContext;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * A team's in-house gateway as a test-only plug-in ({@code acme:<model>}), registered through this module's test
 * {@code META-INF/services/dev.clp.model.spi.ModelProvider}: {@code POST <clp.endpoint>/ask} with
 * {@code {"model","prompt","max_tokens"}} and an {@code X-Acme-Token} header, answered by
 * {@code {"reply":…,"used":{"in":…,"out":…}}}. It shows what a provider needs and nothing more: the engine is not
 * changed for it, and the common layers (cache, budget, retry) wrap it as they wrap the shipped providers.
 */
public final class AcmeGatewayProvider implements ModelProvider {

    @Override
    public String prefix() {
        return "acme";
    }

    @Override
    public ModelClient create(ProviderContext context) {
        ClpConfig config = context.config();
        String base = endpoint(config);
        ProviderContext.ApiKey token = context.apiKey("ACME_TOKEN", base, true);
        try {
            return new Client(HttpJson.api(base, "ask"), context.model(), token,
                    Duration.ofSeconds(config.limits().timeoutSeconds()), context.stats());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(ClpConstants.ENDPOINT + ": " + e.getMessage());
        }
    }

    @Override
    public String endpoint(ClpConfig config) {
        return config.model().endpoint().orElseThrow(() -> new ConfigException(ClpConstants.ENDPOINT
                + ": required for acme, the gateway's base URL, e.g. https://llm.acme.internal/v2"));
    }

    private static final class Client implements ModelClient {
        private final HttpUrl url;
        private final String model;
        private final ProviderContext.ApiKey token;
        private final CallStats stats;
        private final HttpJson http;

        Client(HttpUrl url, String model, ProviderContext.ApiKey token, Duration timeout, CallStats stats) {
            this.url = url;
            this.model = model;
            this.token = token;
            this.stats = stats;
            this.http = new HttpJson(url, timeout, stats);
        }

        @Override
        public String name() {
            return "acme:" + model;
        }

        @Override
        public ChatResponse complete(ChatRequest request) {
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("model", model)
                    .put("prompt", request.lastUserText()).put("max_tokens", request.maxTokens());
            Map<String, String> headers = token.value() == null ? Map.of() : Map.of("X-Acme-Token", token.value());
            HttpJson.Reply reply = http.post(url, headers, body.toString());
            if (!reply.ok()) {
                throw new ModelException("POST " + SafeText.url(url) + " -> HTTP " + reply.code() + ": "
                        + HttpJson.excerpt(reply.body(), token.value()) + "; check " + token.variable() + " and "
                        + ClpConstants.ENDPOINT, reply.code(), HttpJson.retryable(reply.code()), reply.waitHint(), null);
            }
            JsonNode root;
            try {
                root = http.readTree(reply.body());
            } catch (IOException e) {
                throw new ModelException("POST " + SafeText.url(url) + " returned HTTP 200 but the body is not JSON: "
                        + HttpJson.excerpt(reply.body(), token.value()), 200, true, null, e);
            }
            if (!root.path("reply").isTextual()) {
                throw new ModelException("POST " + SafeText.url(url) + " returned HTTP 200 without a reply: "
                        + HttpJson.excerpt(reply.body(), token.value()), 200, true, null, null);
            }
            int in = root.path("used").path("in").asInt(0);
            int out = root.path("used").path("out").asInt(0);
            stats.tokens(in, out);
            return new ChatResponse(root.get("reply").asText(), "stop", in, out, 0);
        }
    }
}
