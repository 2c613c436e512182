package dev.paymentsdr.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The scanners the blueprint tests trust do report findings: a bucket with no logging fails, a skip with a reason does not. */
class ScannersCanFailTest {
    private static Path dir;

    @BeforeAll
    static void templates() throws Exception {
        dir = Files.createTempDirectory("scanners");
        Files.writeString(dir.resolve("open.template.json"), """
                {"Resources": {"Plain": {"Type": "AWS::S3::Bucket", "Properties": {}}}}
                """);
        Files.writeString(dir.resolve("skipped.template.json"), """
                {"Resources": {"Plain": {"Type": "AWS::S3::Bucket", "Properties": {},
                  "Metadata": {"checkov": {"skip": [{"id": "CKV_AWS_18", "comment": "test: the skip is honoured"}]}}}}}
                """);
        Files.writeString(dir.resolve("broken.template.json"), """
                {"Resources": {"Queue": {"Type": "AWS::SQS::Queue", "Properties": {"NoSuchProperty": 1}}}}
                """);
    }

    @AfterAll
    static void cleanUp() {
        TestArtifacts.deleteQuietly(dir);
    }

    @Test
    void checkovReportsAFailedCheckAndHonoursASkipInTheMetadata() throws Exception {
        assertThat(SynthSupport.checkov(List.of(dir.resolve("open.template.json"))))
                .extracting(SynthSupport.CheckovFailure::checkId).contains("CKV_AWS_18");
        assertThat(SynthSupport.checkov(List.of(dir.resolve("skipped.template.json"))))
                .extracting(SynthSupport.CheckovFailure::checkId).doesNotContain("CKV_AWS_18");
    }

    @Test
    void cfnLintReportsAnError() throws Exception {
        assertThat(SynthSupport.cfnLint(List.of(dir.resolve("broken.template.json"))).hasErrors()).isTrue();
    }
}
