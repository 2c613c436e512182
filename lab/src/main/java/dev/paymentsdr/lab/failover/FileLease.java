package dev.paymentsdr.lab.failover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paymentsdr.failover.domain.model.ExecutionId;
import dev.paymentsdr.failover.domain.model.LeaseHolder;
import dev.paymentsdr.failover.port.out.Lease;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lease as a file with an exclusive OS lock (held while the orchestrator runs; the OS drops it when
 * the process dies) and, inside, the holder's execution id, owner and expiry for "already running" messages.
 */
public final class FileLease implements Lease {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Locks this JVM holds, by file: closing any channel of a locked file drops the process's lock on it,
     * so a file locked here is never opened a second time.
     */
    private static final Map<Path, Held> HELD = new ConcurrentHashMap<>();

    private record Held(FileChannel channel, FileLock lock, LeaseHolder holder) {
    }

    private final Path file;
    private final Clock clock;

    public FileLease(Path file, Clock clock) {
        this.file = file.toAbsolutePath().normalize();
        this.clock = clock;
    }

    @Override
    public Attempt tryAcquire(ExecutionId executionId, String owner, Duration ttl) {
        synchronized (HELD) {
            Held local = HELD.get(file);
            if (local != null) {
                return Attempt.refused(local.holder());
            }
            try {
                Files.createDirectories(file.getParent());
                FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock == null) {
                    channel.close();
                    return Attempt.refused(readHolder());
                }
                LeaseHolder holder = new LeaseHolder(executionId, owner, clock.instant().plus(ttl));
                write(channel, holder);
                HELD.put(file, new Held(channel, lock, holder));
                return Attempt.granted();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot take the failover lease " + file + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void renew(ExecutionId executionId, Duration ttl) {
        synchronized (HELD) {
            Held local = HELD.get(file);
            if (local == null || !local.holder().executionId().equals(executionId) || !local.lock().isValid()) {
                throw new IllegalStateException("the failover lease " + file + " is no longer held by " + executionId
                        + "; stopping so that two orchestrators never act at once");
            }
            LeaseHolder renewed = new LeaseHolder(executionId, local.holder().owner(), clock.instant().plus(ttl));
            try {
                write(local.channel(), renewed);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot renew the failover lease " + file + ": " + e.getMessage(), e);
            }
            HELD.put(file, new Held(local.channel(), local.lock(), renewed));
        }
    }

    @Override
    public void release(ExecutionId executionId) {
        synchronized (HELD) {
            Held local = HELD.get(file);
            if (local == null || !local.holder().executionId().equals(executionId)) {
                return;
            }
            HELD.remove(file);
            try {
                local.channel().truncate(0);
                local.channel().force(true);
                local.lock().release();
                local.channel().close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot release the failover lease " + file + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public Optional<LeaseHolder> holder() {
        synchronized (HELD) {
            Held local = HELD.get(file);
            if (local != null) {
                return Optional.of(local.holder());
            }
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                FileLock probe = channel.tryLock();
                if (probe != null) {
                    probe.release();
                    return Optional.empty();
                }
                return Optional.of(readHolder());
            } catch (OverlappingFileLockException e) {
                return Optional.of(readHolder());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the failover lease " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private void write(FileChannel channel, LeaseHolder holder) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(Map.of("executionId", holder.executionId().value(), "owner", holder.owner(),
                "expiresAt", holder.expiresAt().toString()));
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(bytes), 0);
        channel.force(true);
    }

    private LeaseHolder readHolder() {
        try {
            JsonNode node = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            return new LeaseHolder(new ExecutionId(node.get("executionId").asText()), node.get("owner").asText(),
                    Instant.parse(node.get("expiresAt").asText()));
        } catch (IOException | RuntimeException e) {
            // the holder has locked the file but not written it yet
            return new LeaseHolder(new ExecutionId("unknown"), "another process", clock.instant());
        }
    }
}
