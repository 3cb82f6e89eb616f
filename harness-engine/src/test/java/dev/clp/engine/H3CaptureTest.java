package dev.clp.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

class H3CaptureTest {
    @Test
    void capture() {
        Path out = Path.of(System.getProperty("h3.out", "/tmp/h3/old"));
        Path starter = Path.of("../generated-suites/suites/starter");
        run(starter, out.resolve("a"), "sim:gpt-4o", Map.of("clp.baseline", out.resolve("baseline.json").toString(), "clp.baseline.update", "true"));
        run(starter, out.resolve("b"), "sim:llama-3.1-8b", Map.of("clp.baseline", out.resolve("baseline.json").toString(), "clp.logprobs", "true"));
    }

    private static void run(Path suite, Path out, String model, Map<String, String> extra) {
        var kit = EngineTestKit.engine(new ClpTestEngine(Map.of()))
                .configurationParameter("clp.model", model)
                .configurationParameter("clp.cache", "off")
                .configurationParameter("clp.allure", "off")
                .configurationParameter("clp.results.dir", out.toString());
        extra.forEach(kit::configurationParameter);
        kit.selectors(selectDirectory(suite.toFile())).execute();
    }
}
