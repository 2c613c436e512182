package dev.paymentsdr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The class path the {@code drctl} launcher runs with (target/drctl.jar and the runtime dependencies copied to
 * target/lib) holds every project class that a project class on it refers to.
 *
 * <p>The tests run on Maven's test class path, where a module declared with test scope is present; the launcher's
 * class path is the runtime scope only, so a scope mistake in cli/pom.xml made {@code drctl drill} fail with
 * NoClassDefFoundError on a fresh build while every test passed. Reads the runtime class path Maven wrote at
 * {@code package} (target/lib itself may hold jars of earlier builds), so it runs after package (failsafe).
 */
class DrctlClassPathIT {

    private static final String PROJECT_PACKAGE = "dev.paymentsdr.";

    @Test
    void everyProjectClassTheLauncherLoadsFindsTheProjectClassesItUses() throws IOException {
        Path target = Path.of("target");
        List<Location> jars = new ArrayList<>();
        jars.add(location(target.resolve("drctl.jar")));
        runtimeClassPath(target.resolve("runtime-classpath.txt")).stream().filter(DrctlClassPathIT::holdsProjectClasses)
                .forEach(entry -> jars.add(location(entry)));
        assertThat(jars).as("drctl.jar and the project's modules on the runtime class path").hasSizeGreaterThan(5);

        // Only the launcher's own jars count; resolving from the test class path would also be slow (the CDK).
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
        JavaClasses onLauncherPath = new ClassFileImporter().importLocations(jars);
        Set<String> present = onLauncherPath.stream().map(JavaClass::getName).collect(Collectors.toSet());
        assertThat(present).as("classes read from the launcher's class path").contains(Drctl.class.getName(),
                "dev.paymentsdr.lab.Lab");
        Set<String> missing = new TreeSet<>();
        for (JavaClass javaClass : onLauncherPath) {
            for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
                String used = dependency.getTargetClass().getBaseComponentType().getName();
                if (used.startsWith(PROJECT_PACKAGE) && !present.contains(used)) {
                    missing.add(used + " (used by " + javaClass.getName() + ")");
                }
            }
        }
        assertThat(missing).as("project classes missing from the launcher's class path (check the scopes in cli/pom.xml)")
                .isEmpty();
    }

    /** A jar needs a jar: location (a file: one imports nothing); a folder of classes a file: one. */
    private static Location location(Path entry) {
        if (Files.isDirectory(entry)) {
            return Location.of(entry);
        }
        try {
            return Location.of(new JarFile(entry.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + entry, e);
        }
    }

    private static List<Path> runtimeClassPath(Path file) {
        try {
            return Stream.of(Files.readString(file).trim().split(File.pathSeparator)).map(Path::of).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (written at package time)", e);
        }
    }

    private static boolean holdsProjectClasses(Path jar) {
        if (Files.isDirectory(jar)) {
            return Files.isDirectory(jar.resolve("dev/paymentsdr"));
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().anyMatch(e -> e.getName().startsWith("dev/paymentsdr/") && e.getName().endsWith(".class"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }
}
