package dev.clp.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs a main class of this module's tests in a JVM of its own, on the module's test and runtime classpath. */
public final class ChildJvm {

    private static final Path RUNTIME_CLASSPATH = Path.of("target/runtime-classpath.txt");

    private ChildJvm() {
    }

    /** Whether a child can be started: the Maven build writes the runtime classpath, an IDE run may not have it. */
    public static boolean available() {
        return Files.isRegularFile(RUNTIME_CLASSPATH);
    }

    /**
     * A process builder for {@code main} with {@code jvmOptions} before the class name and {@code args} after it.
     *
     * @throws IOException when the runtime classpath cannot be read
     */
    public static ProcessBuilder of(Class<?> main, List<String> jvmOptions, String... args) throws IOException {
        String classpath = String.join(File.pathSeparator, Path.of("target/test-classes").toAbsolutePath().toString(),
                Path.of("target/classes").toAbsolutePath().toString(), Files.readString(RUNTIME_CLASSPATH).strip());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }
}
