package dev.clp.sim;

import dev.clp.config.ClpConstants;
import dev.clp.config.ConfigException;
import dev.clp.model.ModelClient;
import dev.clp.model.spi.ModelProvider;
import dev.clp.model.spi.ProviderContext;
import org.apiguardian.api.API;

/**
 * {@code sim:<profile>}: the offline simulator, in process, knowing the run's questions. It also recognises the
 * simulator's answers over HTTP ({@code clp serve-sim}) by their {@code system_fingerprint}, so a run against it is
 * labelled SIMULATED as an in-process one is.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SimProvider implements ModelProvider {

    @Override
    public String prefix() {
        return "sim";
    }

    @Override
    public ModelClient create(ProviderContext context) {
        try {
            return new SimulatedModel(SimProfile.named(context.model()), AnswerKey.of(context.questions()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(ClpConstants.MODEL + ": " + e.getMessage());
        }
    }

    @Override
    public boolean inProcess() {
        return true;
    }

    @Override
    public boolean simulatedFingerprint(String systemFingerprint) {
        return SimulatorServer.FINGERPRINT.equals(systemFingerprint);
    }
}
