package dev.clp.model.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.clp.model.ChatResponse;
import dev.clp.testing.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run stopped with SIGTERM (Ctrl-C, a CI timeout) keeps every answer it had put into the response cache. */
class ResponseCacheExitTest {

    private static final int ANSWERS = 50;

    @TempDir
    Path tmp;

    /** Puts answers into a cache it never closes, says so, and waits to be stopped. */
    public static final class PutAndWait {
        public static void main(String[] args) throws InterruptedException {
            ResponseCache cache = ResponseCache.open(Path.of(args[0]));
            for (int i = 0; i < ANSWERS; i++) {
                cache.put("key-" + i, "m", new ChatResponse("B", "stop", 10, 1, 0));
            }
            System.out.println("queued");
            System.out.flush();
            Thread.sleep(60_000);
        }
    }

    @Test
    void answersQueuedWhenTheJvmIsStoppedAreCommitted() throws IOException, InterruptedException {
        assumeTrue(ChildJvm.available(), "run through Maven: the build writes the runtime classpath");
        Path file = tmp.resolve("responses.sqlite");
        Process child = ChildJvm.of(PutAndWait.class, List.of(), file.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("queued")) {
                // the JVM's start-up output, if any
            }
            assertThat(line).as("the child queued its answers").isEqualTo("queued");
            // at once: well inside the writer's 200 ms batch window, so the answers are still queued
            child.destroy();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(child.exitValue()).as("stopped by SIGTERM").isEqualTo(143);

        try (ResponseCache reopened = ResponseCache.open(file)) {
            assertThat(reopened.size()).as("every answer put before the stop").isEqualTo(ANSWERS);
        }
    }
}
