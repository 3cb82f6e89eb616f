package dev.clp.plugin;

import dev.clp.model.ModelClient;
import dev.clp.model.spi.ModelProvider;
import dev.clp.model.spi.ProviderContext;

/** A second provider that claims {@code acme}: listed only by {@code ProviderLookupTest}'s class loader. */
public final class SecondAcmeProvider implements ModelProvider {

    @Override
    public String prefix() {
        return "acme";
    }

    @Override
    public ModelClient create(ProviderContext context) {
        throw new UnsupportedOperationException("never built: the lookup refuses two providers with one prefix");
    }
}
