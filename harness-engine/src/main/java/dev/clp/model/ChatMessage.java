package dev.clp.model;

import java.util.Objects;
import org.apiguardian.api.API;

/** One chat message: {@code system}, {@code user} or {@code assistant}. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ChatMessage(String role, String content) {

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }

    public static ChatMessage user(String content) {
        return new ChatMessage("user", content);
    }
}
