package dev.clp.model;

import java.util.Objects;

/** One chat message: {@code system}, {@code user} or {@code assistant}. */
public record ChatMessage(String role, String content) {

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }

    public static ChatMessage user(String content) {
        return new ChatMessage("user", content);
    }
}
