package dev.clp.engine;

import dev.clp.suite.Suite;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.ClasspathResourceSelector;
import org.junit.platform.engine.discovery.ClasspathRootSelector;
import org.junit.platform.engine.support.discovery.SelectorResolver.Resolution;

/**
 * Classpath resources and roots become {@link PathSelector}s of the suite directories and files they hold, also inside
 * a jar (whose file system {@link JarFileSystems} closes when discovery ends).
 */
final class ClasspathResolution {

    private final SuiteFiles files;
    private final JarFileSystems jars;

    ClasspathResolution(SuiteFiles files, JarFileSystems jars) {
        this.files = files;
        this.jars = jars;
    }

    Resolution resolve(ClasspathResourceSelector selector) {
        String name = selector.getClasspathResourceName();
        name = name.startsWith("/") ? name.substring(1) : name;
        Set<DiscoverySelector> selectors = new LinkedHashSet<>();
        try {
            Enumeration<URL> urls = classLoader().getResources(name);
            while (urls.hasMoreElements()) {
                Path path = jars.toPath(urls.nextElement().toURI());
                if (Files.isDirectory(path)) {
                    for (Path dir : Suite.isSuiteDir(path) ? List.of(path) : files.findSuiteDirs(path)) {
                        selectors.add(new PathSelector(dir));
                    }
                } else {
                    selectors.add(new PathSelector(path));
                }
            }
        } catch (IOException | URISyntaxException e) {
            files.issues().reportIssue(DiscoveryIssue.builder(DiscoveryIssue.Severity.WARNING,
                    "cannot read classpath resource '" + name + "': " + e.getMessage()).cause(e));
        }
        return selectors.isEmpty() ? Resolution.unresolved() : Resolution.selectors(selectors);
    }

    Resolution resolve(ClasspathRootSelector selector) {
        try {
            Path root = jars.toPath(selector.getClasspathRoot());
            if (!Files.isDirectory(root)) {
                return Resolution.unresolved();
            }
            Set<DiscoverySelector> found = files.findSuiteDirs(root).stream().map(PathSelector::new)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            return found.isEmpty() ? Resolution.unresolved() : Resolution.selectors(found);
        } catch (IOException | IllegalArgumentException e) {
            return Resolution.unresolved();
        }
    }

    private static ClassLoader classLoader() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return cl != null ? cl : ClasspathResolution.class.getClassLoader();
    }
}
