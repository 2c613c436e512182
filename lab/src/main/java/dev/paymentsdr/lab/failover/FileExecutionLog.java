package dev.paymentsdr.lab.failover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paymentsdr.failover.domain.model.ExecutionId;
import dev.paymentsdr.failover.domain.model.ExecutionRecord;
import dev.paymentsdr.failover.domain.model.FailoverMode;
import dev.paymentsdr.failover.domain.model.FailoverRequest;
import dev.paymentsdr.failover.domain.model.RecordType;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.domain.model.Step;
import dev.paymentsdr.failover.port.out.ExecutionHistory;
import dev.paymentsdr.failover.port.out.ExecutionLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The execution log as a JSON-lines file: each record is appended and fsynced before {@link #append}
 * returns, so a record of a step's start is on disk before the step acts.
 */
public final class FileExecutionLog implements ExecutionLog, ExecutionHistory {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public FileExecutionLog(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void append(ExecutionRecord record) {
        try {
            Files.createDirectories(file.getParent());
            byte[] line = (JSON.writeValueAsString(toJson(record)) + "\n").getBytes(StandardCharsets.UTF_8);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the execution log " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized List<ExecutionRecord> read(ExecutionId executionId) {
        return readAll().stream().filter(r -> r.executionId().equals(executionId)).toList();
    }

    @Override
    public synchronized Optional<ExecutionId> latest() {
        return readAll().stream().filter(r -> r.type() == RecordType.EXECUTION_STARTED)
                .map(ExecutionRecord::executionId).reduce((a, b) -> b);
    }

    @Override
    public synchronized List<ExecutionId> recent(int limit) {
        ExecutionHistory.checkLimit(limit);
        // the file is in append order, so the order of the start records is the order the executions started
        List<ExecutionId> started = readAll().stream().filter(r -> r.type() == RecordType.EXECUTION_STARTED)
                .map(ExecutionRecord::executionId).distinct().collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        java.util.Collections.reverse(started);
        return List.copyOf(started.subList(0, Math.min(limit, started.size())));
    }

    /** Every record in the file; a torn last line (a crash while writing) is skipped. */
    public List<ExecutionRecord> readAll() {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<ExecutionRecord> records = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    records.add(fromJson(JSON.readTree(line)));
                } catch (IOException | RuntimeException torn) {
                    // only the line being written when a process died can be incomplete
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the execution log " + file + ": " + e.getMessage(), e);
        }
        return records;
    }

    private static ObjectNode toJson(ExecutionRecord r) {
        ObjectNode node = JSON.createObjectNode();
        node.put("executionId", r.executionId().value());
        node.put("at", r.at().toString());
        node.put("type", r.type().name());
        if (r.step() != null) {
            node.put("step", r.step().name());
        }
        node.put("detail", r.detail());
        if (r.request() != null) {
            FailoverRequest q = r.request();
            ObjectNode request = node.putObject("request");
            request.put("mode", q.mode().name());
            request.put("from", q.from().name());
            request.put("to", q.to().name());
            request.put("maxLagMillis", q.maxLag().toMillis());
            request.put("allowDataLoss", q.allowDataLoss());
            request.put("requestedBy", q.requestedBy());
        }
        return node;
    }

    private static ExecutionRecord fromJson(JsonNode n) {
        ExecutionId id = new ExecutionId(n.get("executionId").asText());
        FailoverRequest request = null;
        JsonNode q = n.get("request");
        if (q != null) {
            request = new FailoverRequest(id, FailoverMode.valueOf(q.get("mode").asText()), RegionId.of(q.get("from").asText()),
                    RegionId.of(q.get("to").asText()), Duration.ofMillis(q.get("maxLagMillis").asLong()),
                    q.get("allowDataLoss").asBoolean(), q.get("requestedBy").asText());
        }
        JsonNode step = n.get("step");
        return new ExecutionRecord(id, Instant.parse(n.get("at").asText()), RecordType.valueOf(n.get("type").asText()),
                step == null ? null : Step.valueOf(step.asText()), request, n.path("detail").asText(""));
    }
}
