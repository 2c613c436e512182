package dev.paymentsdr.service.adapter.out.archive;

import dev.paymentsdr.payments.domain.model.PaymentEvent;
import dev.paymentsdr.payments.port.out.TransactionLogArchive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The lab's transaction-log archive: a directory per region, one JSON-lines file per batch under the day's
 * folder. Each file is written to a temporary name, forced to disk and renamed, so a reader never sees half a file.
 */
public final class DirectoryTransactionLogArchive implements TransactionLogArchive {
    private final Path root;
    private final String region;
    private final Clock clock;

    public DirectoryTransactionLogArchive(Path root, String region, Clock clock) {
        this.root = Objects.requireNonNull(root, "root");
        this.region = Objects.requireNonNull(region, "region");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void append(List<PaymentEvent> events) {
        for (Map.Entry<LocalDate, List<PaymentEvent>> day : ArchiveLayout.byDay(events).entrySet()) {
            Path target = root.resolve(ArchiveLayout.objectName(day.getKey(), region, clock.instant(), UUID.randomUUID()));
            try {
                write(target, ArchiveLayout.jsonLines(day.getValue()).getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the transaction-log file " + target + ": " + e.getMessage(), e);
            }
        }
    }

    private static void write(Path target, byte[] content) throws IOException {
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path temporary = dir.resolve("." + target.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(content));
            channel.force(true);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        // The rename is durable once the directory is.
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        }
    }
}
