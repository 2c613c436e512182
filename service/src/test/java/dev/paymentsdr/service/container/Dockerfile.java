package dev.paymentsdr.service.container;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The instructions of a Dockerfile's final stage that decide how its container runs: ENV, USER, EXPOSE, WORKDIR,
 * HEALTHCHECK and ENTRYPOINT (exec form). Enough of the format for the service's own Dockerfile, read as Docker reads
 * it: comments dropped, backslash continuations joined, the last FROM starting the stage.
 */
record Dockerfile(Map<String, String> environment, String user, List<String> exposedPorts, String workdir,
                  List<String> healthCheck, List<String> entryPoint) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ENV_PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"(?:[^\"\\\\]|\\\\.)*\"|\\S+)");

    static Dockerfile read(Path file) throws IOException {
        List<String> instructions = instructions(Files.readAllLines(file));
        int lastFrom = 0;
        for (int i = 0; i < instructions.size(); i++) {
            if (keyword(instructions.get(i)).equals("FROM")) {
                lastFrom = i;
            }
        }
        Map<String, String> environment = new LinkedHashMap<>();
        String user = "root";
        List<String> exposed = new ArrayList<>();
        String workdir = "/";
        List<String> healthCheck = List.of();
        List<String> entryPoint = List.of();
        for (String instruction : instructions.subList(lastFrom, instructions.size())) {
            String arguments = instruction.substring(keyword(instruction).length()).trim();
            switch (keyword(instruction)) {
                case "ENV" -> {
                    Matcher pair = ENV_PAIR.matcher(arguments);
                    while (pair.find()) {
                        String value = pair.group(2);
                        environment.put(pair.group(1), value.startsWith("\"") ? value.substring(1, value.length() - 1) : value);
                    }
                }
                case "USER" -> user = arguments;
                case "EXPOSE" -> exposed.addAll(List.of(arguments.split("\\s+")));
                case "WORKDIR" -> workdir = arguments;
                case "HEALTHCHECK" -> healthCheck = execForm(arguments.substring(arguments.indexOf("CMD ") + 4));
                case "ENTRYPOINT" -> entryPoint = execForm(arguments);
                default -> {
                }
            }
        }
        return new Dockerfile(environment, user, exposed, workdir, healthCheck, entryPoint);
    }

    /** The HEALTHCHECK options (--interval=10s ...), empty when there is no health check. */
    static Optional<String> healthCheckOptions(Path file) throws IOException {
        return instructions(Files.readAllLines(file)).stream().filter(i -> keyword(i).equals("HEALTHCHECK"))
                .map(i -> i.substring("HEALTHCHECK".length(), i.indexOf("CMD ")).trim()).reduce((a, b) -> b);
    }

    private static List<String> instructions(List<String> lines) {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            String trimmed = line.trim();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.length() == 0)) {
                continue;
            }
            boolean continues = trimmed.endsWith("\\");
            current.append(continues ? trimmed.substring(0, trimmed.length() - 1) : trimmed).append(' ');
            if (!continues) {
                instructions.add(current.toString().trim());
                current.setLength(0);
            }
        }
        return instructions;
    }

    private static String keyword(String instruction) {
        int space = instruction.indexOf(' ');
        return (space < 0 ? instruction : instruction.substring(0, space)).toUpperCase(Locale.ROOT);
    }

    /** A JSON array of strings: the exec form, which runs without a shell (the form that passes SIGTERM on). */
    private static List<String> execForm(String arguments) {
        try {
            return JSON.readValue(arguments.trim(), new TypeReference<List<String>>() { });
        } catch (IOException e) {
            throw new IllegalStateException("not an exec-form (JSON array) instruction: " + arguments, e);
        }
    }
}
