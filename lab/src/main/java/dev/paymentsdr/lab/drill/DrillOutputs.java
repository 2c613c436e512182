package dev.paymentsdr.lab.drill;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a drill writes its JSON and HTML report: by default both into a new folder
 * {@code drill-results/<scenario>-<UTC start, yyyyMMddTHHmmssZ>/} under the current directory; {@code --results-dir}
 * moves that folder's parent, {@code --json} and {@code --report} put one file elsewhere.
 *
 * @param resultsDir the parent of the per-drill folders (absolute)
 * @param folderName this drill's folder name
 * @param json       the JSON file named by {@code --json}, or null for the folder's
 * @param report     the HTML file named by {@code --report}, or null for the folder's
 */
record DrillOutputs(Path resultsDir, String folderName, Path json, Path report) {
    /** The default parent of the per-drill folders, relative to the current directory (gitignored). */
    static final String DEFAULT_RESULTS_DIR = "drill-results";
    static final String JSON_NAME = "drill.json";
    static final String REPORT_NAME = "report.html";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /**
     * Checks the locations before the drill starts and creates nothing (a refused flag changes nothing).
     *
     * @param resultsDir the parent of the per-drill folders; null for {@value #DEFAULT_RESULTS_DIR}
     * @param json       where to write the JSON instead of the folder, or null
     * @param report     where to write the HTML report instead of the folder, or null
     * @throws IllegalArgumentException naming each flag that is wrong, what it was, and what is accepted
     */
    static DrillOutputs resolve(Path resultsDir, Path json, Path report, Scenario scenario, Instant startedAt) {
        Path dir = (resultsDir == null ? Path.of(DEFAULT_RESULTS_DIR) : resultsDir).toAbsolutePath().normalize();
        Path jsonFile = json == null ? null : json.toAbsolutePath().normalize();
        Path reportFile = report == null ? null : report.toAbsolutePath().normalize();
        List<String> errors = new ArrayList<>();
        if (jsonFile != null && !hasSuffix(jsonFile, ".json")) {
            errors.add("--json must name a .json file, was " + json);
        }
        if (reportFile != null && !hasSuffix(reportFile, ".html")) {
            errors.add("--report must name an .html file, was " + report);
        }
        if (jsonFile != null && jsonFile.equals(reportFile)) {
            errors.add("--json and --report name the same file " + json);
        }
        if (jsonFile == null || reportFile == null) {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                errors.add("--results-dir must be a directory (or not exist yet), " + dir + " is a file");
            } else {
                writable("--results-dir", dir, errors);
            }
        }
        if (jsonFile != null) {
            fileTarget("--json", jsonFile, errors);
        }
        if (reportFile != null) {
            fileTarget("--report", reportFile, errors);
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
        return new DrillOutputs(dir, scenario.label() + "-" + STAMP.format(startedAt), jsonFile, reportFile);
    }

    private static boolean hasSuffix(Path file, String suffix) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(suffix);
    }

    private static void fileTarget(String flag, Path file, List<String> errors) {
        if (Files.isDirectory(file)) {
            errors.add(flag + " must name a file, " + file + " is a directory");
        } else if (Files.exists(file) && !Files.isWritable(file)) {
            errors.add(flag + ": " + file + " exists and cannot be written");
        } else if (file.getParent() != null) {
            writable(flag, file.getParent(), errors);
        }
    }

    /** The directory exists and is writable, or the nearest part of it that exists is a writable directory. */
    private static void writable(String flag, Path dir, List<String> errors) {
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        if (!Files.isDirectory(existing)) {
            errors.add(flag + ": cannot create " + dir + ", " + existing + " is a file");
        } else if (!Files.isWritable(existing)) {
            errors.add(flag + ": cannot write into " + existing + " (permission denied)");
        }
    }

    /** The folder of this drill's files (not created until {@link #write}), or null when both files were named. */
    Path folder() {
        if (json != null && report != null) {
            return null;
        }
        return resultsDir.resolve(folderName);
    }

    /**
     * Where a drill's files went.
     *
     * @param folder the drill's own folder, or null when {@code --json} and {@code --report} named both files
     */
    record Written(Path folder, Path json, Path report) {
    }

    /** Writes both files; a second drill started in the same second gets a folder ending {@code -2}, {@code -3}, ... */
    Written write(DrillReport drill) {
        Path folder = folder();
        if (folder != null) {
            for (int n = 2; Files.exists(folder); n++) {
                folder = resultsDir.resolve(folderName + "-" + n);
            }
        }
        Written written = new Written(folder, json != null ? json : folder.resolve(JSON_NAME),
                report != null ? report : folder.resolve(REPORT_NAME));
        drill.writeJson(written.json());
        HtmlReport.write(drill, written.report());
        return written;
    }
}
