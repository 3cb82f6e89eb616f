package dev.clp.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clp.config.ConfigException;
import dev.clp.model.ModelClients;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provider lookup with a class path a plug-in jar got wrong. */
class ProviderLookupTest {

    @TempDir
    Path tmp;

    /** Runs {@code lookup} with a context class loader that also lists {@code providerClass} as a provider. */
    private <T> T withListed(String providerClass, Supplier<T> lookup) throws IOException {
        Path services = Files.createDirectories(tmp.resolve("META-INF/services"));
        Files.writeString(services.resolve("dev.clp.model.spi.ModelProvider"), providerClass + "\n");
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader jar = new URLClassLoader(new URL[] {tmp.toUri().toURL()}, before)) {
            thread.setContextClassLoader(jar);
            return lookup.get();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @Test
    void twoProvidersWithOnePrefixAreRefusedNamingBoth() {
        assertThatThrownBy(() -> withListed(SecondAcmeProvider.class.getName(), ModelClients::providers))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("clp.model: two providers claim the prefix 'acme': ")
                .hasMessageContaining(AcmeGatewayProvider.class.getName())
                .hasMessageContaining(SecondAcmeProvider.class.getName());
    }

    @Test
    void aListedProviderThatCannotBeLoadedIsNamed() {
        assertThatThrownBy(() -> withListed("com.acme.MissingProvider", ModelClients::providers))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("clp.model: a provider listed in META-INF/services/"
                        + "dev.clp.model.spi.ModelProvider cannot be loaded: ")
                .hasMessageContaining("com.acme.MissingProvider");
    }

    @Test
    void theClassPathOfTheThreadDecides() throws IOException {
        Map<String, ?> found = withListed(AcmeGatewayProvider.class.getName(), ModelClients::providers);
        assertThat(found).containsOnlyKeys("acme", "anthropic", "azure", "openai", "sim", "tinybatch");
    }
}
