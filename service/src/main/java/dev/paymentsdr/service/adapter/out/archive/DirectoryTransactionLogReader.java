package dev.paymentsdr.service.adapter.out.archive;

import dev.paymentsdr.payments.domain.model.PaymentEvent;
import dev.paymentsdr.payments.port.out.TransactionLogReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Reads a directory archive written by {@link DirectoryTransactionLogArchive} (every region's folder under a day). */
public final class DirectoryTransactionLogReader implements TransactionLogReader {
    private final Path root;

    public DirectoryTransactionLogReader(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    @Override
    public void read(LocalDate from, LocalDate to, Consumer<PaymentEvent> each) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("archive directory " + root + " does not exist");
        }
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            Path dayDir = root.resolve(ArchiveLayout.dayPrefix(day));
            if (!Files.isDirectory(dayDir)) {
                continue;
            }
            for (Path file : files(dayDir)) {
                try {
                    ArchiveLayout.readLines(Files.readString(file, StandardCharsets.UTF_8), file.toString(), each);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
                }
            }
        }
    }

    private static List<Path> files(Path dayDir) {
        try (Stream<Path> paths = Files.walk(dayDir, 2)) {
            return paths.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(ArchiveLayout.SUFFIX)
                    && !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dayDir + ": " + e.getMessage(), e);
        }
    }
}
