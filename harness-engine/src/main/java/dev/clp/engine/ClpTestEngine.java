package dev.clp.engine;

import dev.clp.config.ClpConfig;
import dev.clp.config.ClpConstants;
import dev.clp.config.ConfigException;
import dev.clp.config.UnknownKeys;
import dev.clp.model.ModelClients;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestEngine;

/**
 * The {@code clp} test engine: bilingual suite files become tests
 * {@code [engine:clp]/[suite:<id>]/[lang:<tag>]/[pair:<id>]} plus a {@code [gate:gap]} per language.
 * Registered through {@code META-INF/services/org.junit.platform.engine.TestEngine}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ClpTestEngine extends HierarchicalTestEngine<ClpExecutionContext> {

    private final Map<String, String> environment;
    /** Loads the HTTP and SQLite libraries on a thread of its own: only for a run that starts early. */
    private final java.util.function.Consumer<ClpConfig> warmUp;

    /** The engine as ServiceLoader creates it, reading the process environment. */
    public ClpTestEngine() {
        this(System.getenv());
    }

    /** An engine that sees the given environment instead of the process's (for tests). */
    public ClpTestEngine(Map<String, String> environment) {
        this(environment, ModelClients::warmUp);
    }

    /** An engine with its own warm-up (tests record whether discovery started one). */
    ClpTestEngine(Map<String, String> environment, java.util.function.Consumer<ClpConfig> warmUp) {
        this.environment = Map.copyOf(environment);
        this.warmUp = warmUp;
    }

    @Override
    public String getId() {
        return ClpConstants.ENGINE_ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("dev.clp");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("harness-engine");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        ClpConfig config;
        ConfigException error = null;
        try {
            config = ClpConfig.from(request.getConfigurationParameters()::get,
                    request.getConfigurationParameters().keySet(), environment);
        } catch (ConfigException e) {
            error = e;
            // discovery still shows the tests; execution fails the engine with the message
            config = ClpConfig.from(key -> Optional.empty(), Map.of());
        }
        java.util.List<String> unknown = UnknownKeys.find(request.getConfigurationParameters().keySet(), environment);
        boolean ci = "true".equalsIgnoreCase(environment.getOrDefault("CI", ""));
        if (!unknown.isEmpty() && ci) {
            // a release gate must not run on a default the user meant to change
            error = new ConfigException(String.join("\n", unknown) + "\n(an error because CI=true; elsewhere "
                    + "a warning)" + (error == null ? "" : "\n" + error.getMessage()));
        }
        ClpEngineDescriptor engine = new ClpEngineDescriptor(uniqueId, config, null, environment);
        // no thread and no network I/O while an IDE only lists the tests: only clp.eager-start=true (clp run sets it)
        // starts anything, and only for whole directories (a file or unique-id selector runs part of a suite whose
        // files are all parsed)
        if (error == null && config.startsEarly()
                && request.getSelectorsByType(org.junit.platform.engine.DiscoverySelector.class).stream()
                        .allMatch(s -> s instanceof org.junit.platform.engine.discovery.DirectorySelector)) {
            // loads the HTTP and SQLite libraries on a thread of its own, alongside the early start's client set-up
            warmUp.accept(config);
            engine.startEarly();
        }
        ClpConfig finalConfig = config;
        try (JarFileSystems jars = new JarFileSystems()) {
            EngineDiscoveryRequestResolver.<ClpEngineDescriptor>builder()
                    .addSelectorResolver(ctx -> new ClpSelectorResolver(finalConfig,
                            WarnedOnce.wrap(ctx.getIssueReporter()),
                            engine::prestart, ci, jars))
                    .build()
                    .resolve(request, engine);
        }
        java.util.List<String> warnings = new java.util.ArrayList<>();
        if (!ci) {
            warnings.addAll(unknown); // under CI=true they are the error
        }
        if (error == null) {
            error = SelectionChecks.unknownLanguages(finalConfig, engine).map(ConfigException::new).orElse(null);
            warnings.addAll(SelectionChecks.thresholdsForOtherLanguages(finalConfig, engine));
        }
        // only an engine that found something to run warns (Surefire hands every engine its class selectors), and
        // once per JVM for one selection (Surefire discovers twice, a @Suite class's launcher relays it)
        for (String message : warnings) {
            if (!engine.getChildren().isEmpty() && WarnedOnce.first(message, request)) {
                request.getDiscoveryListener().issueEncountered(uniqueId,
                        DiscoveryIssue.create(DiscoveryIssue.Severity.WARNING, message));
            }
        }
        if (error != null && !engine.getChildren().isEmpty()) {
            // (nothing selected for this engine, e.g. Surefire handing it class selectors: no error, nothing runs)
            // an error issue: the launcher fails the engine with the message before anything runs (an IDE shows it
            // beside the tests, which discovery still lists); the engine descriptor fails the run too, for launchers
            // that let an engine with error issues execute
            request.getDiscoveryListener().issueEncountered(uniqueId,
                    DiscoveryIssue.create(DiscoveryIssue.Severity.ERROR, error.getMessage()));
            engine.reject(error);
        }
        return engine;
    }

    @Override
    protected ClpExecutionContext createExecutionContext(ExecutionRequest request) {
        ClpEngineDescriptor root = (ClpEngineDescriptor) request.getRootTestDescriptor();
        return new ClpExecutionContext(request.getEngineExecutionListener(), root.config(), null);
    }
}
