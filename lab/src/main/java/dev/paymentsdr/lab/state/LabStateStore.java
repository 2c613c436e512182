package dev.paymentsdr.lab.state;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.paymentsdr.lab.LabException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Reads and writes {@code lab-state.json} in a lab directory. Writes are atomic (temp file + rename) and
 * read-modify-write updates hold a file lock, so the CLI, a drill and the orchestrator can share one lab.
 */
public final class LabStateStore {
    public static final String FILE_NAME = "lab-state.json";
    private static final Object JVM_LOCK = new Object();
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path dir;

    public LabStateStore(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public Path file() {
        return dir.resolve(FILE_NAME);
    }

    /** The saved state, or empty when this directory holds no lab. */
    public Optional<LabState> load() {
        Path file = file();
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            LabState state = MAPPER.readValue(file.toFile(), LabState.class);
            if (state.version() != LabState.CURRENT_VERSION) {
                throw new LabException("lab state " + file + " has format version " + state.version()
                        + ", this drctl reads version " + LabState.CURRENT_VERSION + "; run 'drctl lab down --purge' and 'up' again");
            }
            return Optional.of(state);
        } catch (IOException e) {
            throw new LabException("cannot read lab state " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the state atomically. */
    public void save(LabState state) {
        synchronized (JVM_LOCK) {
            write(state);
        }
    }

    /** Loads, changes and saves the state under a lock; returns the saved state. */
    public LabState update(UnaryOperator<LabState> change) {
        synchronized (JVM_LOCK) {
            try (FileChannel channel = FileChannel.open(dir.resolve("lab-state.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                LabState current = load().orElseThrow(() -> new LabException("no lab in " + dir
                        + " (no " + FILE_NAME + "); start one with 'drctl lab up'"));
                LabState changed = change.apply(current);
                write(changed);
                return changed;
            } catch (IOException e) {
                throw new LabException("cannot lock lab state in " + dir + ": " + e.getMessage(), e);
            }
        }
    }

    /** Deletes the state file. */
    public void delete() {
        try {
            Files.deleteIfExists(file());
            Files.deleteIfExists(dir.resolve("lab-state.lock"));
        } catch (IOException e) {
            throw new LabException("cannot delete " + file() + ": " + e.getMessage(), e);
        }
    }

    /** The JSON text of a state (used by tests and {@code status --json}). */
    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new LabException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    private void write(LabState state) {
        Path file = file();
        Path tmp = dir.resolve(FILE_NAME + ".tmp");
        try {
            Files.createDirectories(dir);
            MAPPER.writeValue(tmp.toFile(), state);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new LabException("cannot write lab state " + file + ": " + e.getMessage(), e);
        }
    }
}
