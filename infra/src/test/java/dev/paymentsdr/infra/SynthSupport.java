package dev.paymentsdr.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;

/** Helpers shared by the synthesis tests: nag findings, cfn-lint, templates and state machine definitions. */
public final class SynthSupport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SynthSupport() {
    }

    /** Every {@code aws:cdk:warning} entry of the assembly (cdk-nag warnings, CDK deprecation or validation warnings). */
    public static List<String> warnings(CloudAssembly assembly) {
        List<String> warnings = new ArrayList<>();
        for (CloudFormationStackArtifact stack : assembly.getStacks()) {
            stack.getMessages().stream()
                    .filter(m -> "warning".equals(m.getLevel().toString().toLowerCase()))
                    .forEach(m -> warnings.add(stack.getStackName() + " " + m.getId() + ": " + m.getEntry().getData()));
        }
        return warnings;
    }

    /** Every {@code aws:cdk:error} entry of the assembly (cdk-nag writes its unsuppressed findings there). */
    public static List<String> errors(CloudAssembly assembly) {
        List<String> errors = new ArrayList<>();
        for (CloudFormationStackArtifact stack : assembly.getStacks()) {
            stack.getMessages().stream()
                    .filter(m -> "error".equals(m.getLevel().toString().toLowerCase()))
                    .forEach(m -> errors.add(stack.getStackName() + " " + m.getId() + ": " + m.getEntry().getData()));
        }
        return errors;
    }

    /** The template of a stack of the synthesized app. */
    public static Template template(Synthesizer.Result result, String stackId) {
        return Template.fromStack((Stack) result.app().getNode().findChild(stackId));
    }

    /** Result of one cfn-lint run: exit code and output. */
    public record LintResult(int exitCode, String output) {
        /** cfn-lint's exit code is a bit set: 2 = errors, 4 = warnings, 8 = informational; 1 = it crashed. */
        public boolean hasErrors() {
            return exitCode == 1 || (exitCode & 2) != 0;
        }
    }

    /** Runs {@code cfn-lint} (from PATH; scripts/test puts .tools/venv/bin there) on every template of the assembly. */
    public static LintResult cfnLint(CloudAssembly assembly) throws IOException, InterruptedException {
        return cfnLint(templateFiles(assembly));
    }

    /** The template files of the assembly (plain paths: jsii objects must stay on the thread that made them). */
    public static List<Path> templateFiles(CloudAssembly assembly) {
        List<Path> files = new ArrayList<>();
        for (CloudFormationStackArtifact stack : assembly.getStacks()) {
            files.add(Path.of(assembly.getDirectory()).resolve(stack.getTemplateFile()));
        }
        return files;
    }

    /** Runs {@code cfn-lint} on {@code templates}. */
    public static LintResult cfnLint(List<Path> templates) throws IOException, InterruptedException {
        // The project's pinned cfn-lint (scripts/install-deps) when it is there, so that a global one of another version
        // cannot decide; else the one on PATH.
        Path pinned = dev.paymentsdr.infra.config.ProjectLayout.fromDirectory(Path.of("")).map(l -> l.root().resolve(".tools/venv/bin/cfn-lint"))
                .filter(Files::isExecutable).orElse(Path.of("cfn-lint"));
        List<String> command = new ArrayList<>(List.of(pinned.toString(), "--format", "parseable", "--"));
        templates.forEach(t -> command.add(t.toString()));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("cfn-lint is not on PATH; run scripts/install-deps python and "
                    + "export PATH=$PWD/.tools/venv/bin:$PATH (scripts/test does both)", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("cfn-lint did not finish within 5 minutes");
        }
        return new LintResult(process.exitValue(), output);
    }

    /** The rule ids (e.g. W3005) of every finding in cfn-lint's parseable output. */
    public static List<String> lintRules(String output) {
        java.util.regex.Pattern rule = java.util.regex.Pattern.compile(":([EWI][0-9]{4}):");
        return output.lines().map(rule::matcher).filter(java.util.regex.Matcher::find)
                .map(m -> m.group(1)).distinct().sorted().toList();
    }

    /** One failed checkov check: its id, the template file and the resource. */
    public record CheckovFailure(String checkId, String file, String resource, String name) {
        @Override
        public String toString() {
            return checkId + " " + file + " " + resource + " (" + name + ")";
        }
    }

    /**
     * Runs checkov (the project's .tools/venv/bin/checkov, as scripts/install-deps installs it) on every template of the
     * assembly, offline, and returns the failed checks; skips recorded in template metadata count as skipped, not failed.
     */
    public static List<CheckovFailure> checkov(CloudAssembly assembly) throws IOException, InterruptedException {
        return checkov(templateFiles(assembly));
    }

    /** Runs checkov on {@code templates} and returns the failed checks. */
    public static List<CheckovFailure> checkov(List<Path> templates) throws IOException, InterruptedException {
        Path root = dev.paymentsdr.infra.config.ProjectLayout.fromDirectory(Path.of("")).orElseThrow().root();
        Path checkov = root.resolve(".tools/venv/bin/checkov");
        if (!Files.isExecutable(checkov)) {
            throw new IllegalStateException(checkov + " is missing; run scripts/install-deps python (scripts/test does)");
        }
        List<String> command = new ArrayList<>(List.of(checkov.toString(), "--framework", "cloudformation", "--skip-download",
                "--quiet", "--compact", "--output", "json"));
        for (Path template : templates) {
            command.add("--file");
            command.add(template.toString());
        }
        Path output = Files.createTempFile("checkov", ".json");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(output.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("BC_SKIP_MAPPING", "TRUE");
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("checkov did not finish within 5 minutes");
            }
            // Exit code 0: nothing failed, 1: checks failed; anything else (e.g. 2, a usage error) means no scan happened.
            JsonNode report = JSON.readTree(output.toFile());
            if (process.exitValue() > 1 || report == null || report.isMissingNode()) {
                throw new IllegalStateException("checkov did not scan (exit code " + process.exitValue() + ", no JSON report)");
            }
            List<CheckovFailure> failures = new ArrayList<>();
            for (JsonNode run : report.isArray() ? report : JSON.createArrayNode().add(report)) {
                if (run.path("summary").path("parsing_errors").asInt() > 0 || run.path("summary").path("resource_count").asInt() == 0) {
                    throw new IllegalStateException("checkov did not read the templates: " + run.path("summary"));
                }
                for (JsonNode failed : run.path("results").path("failed_checks")) {
                    failures.add(new CheckovFailure(failed.path("check_id").asText(),
                            Path.of(failed.path("file_path").asText()).getFileName().toString(),
                            failed.path("resource").asText(), failed.path("check_name").asText()));
                }
            }
            return failures;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** The statements of the failover trigger's role policy in {@code template}, each as text. */
    public static List<String> triggerPolicyStatements(Template template) {
        return rolePolicyStatements(template, "FailoverFunctionsTriggerFunctionServiceRole");
    }

    /** The statements of the policy of the role whose logical id starts with {@code roleIdPrefix}, each as text. */
    public static List<String> rolePolicyStatements(Template template, String roleIdPrefix) {
        software.amazon.awscdk.assertions.Capture statements = new software.amazon.awscdk.assertions.Capture();
        template.hasResourceProperties("AWS::IAM::Policy", software.amazon.awscdk.assertions.Match.objectLike(Map.of(
                "PolicyDocument", software.amazon.awscdk.assertions.Match.objectLike(Map.of("Statement", statements)),
                "Roles", List.of(software.amazon.awscdk.assertions.Match.objectLike(Map.of("Ref",
                        software.amazon.awscdk.assertions.Match.stringLikeRegexp(roleIdPrefix + ".*")))))));
        return statements.asArray().stream().map(Object::toString).toList();
    }

    /** Parses a state machine DefinitionString (a string or an Fn::Join) with every token replaced by "TOKEN". */
    @SuppressWarnings("unchecked")
    public static JsonNode definition(Object definitionString) throws IOException {
        if (definitionString instanceof String text) {
            return JSON.readTree(text);
        }
        Map<String, Object> join = (Map<String, Object>) definitionString;
        List<Object> parts = (List<Object>) ((List<Object>) join.get("Fn::Join")).get(1);
        StringBuilder text = new StringBuilder();
        for (Object part : parts) {
            text.append(part instanceof String s ? s : "TOKEN");
        }
        return JSON.readTree(text.toString());
    }

    /** All template files of the assembly, by file name, for byte-wise comparison. */
    public static Map<String, String> templates(CloudAssembly assembly) throws IOException {
        Map<String, String> templates = new java.util.TreeMap<>();
        for (CloudFormationStackArtifact stack : assembly.getStacks()) {
            templates.put(stack.getTemplateFile(),
                    Files.readString(Path.of(assembly.getDirectory()).resolve(stack.getTemplateFile())));
        }
        return templates;
    }
}
