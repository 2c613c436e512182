package dev.paymentsdr.infra.constructs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class ReplicatedBucketTest {
    @Test
    void theBucketIsLockedDownAndReplicatesEverythingWithRtcToTheNamedTwin() {
        Stack stack = TestStacks.stack("us-east-1");
        LogArchive logs = new LogArchive(stack, "Logs", 90);
        ReplicatedBucket bucket = ReplicatedBucket.Builder.create(stack, "Data").bucket("data-east", TestStacks.key(stack), logs.bucket())
                .replicateTo("data-west", "us-west-2", "alias/data-key").build();
        Template template = Template.fromStack(stack);

        template.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "BucketName", "data-east",
                "VersioningConfiguration", Map.of("Status", "Enabled"),
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                "LoggingConfiguration", Match.objectLike(Map.of("LogFilePrefix", "s3/data-east/")),
                "ReplicationConfiguration", Match.objectLike(Map.of("Rules", List.of(Match.objectLike(Map.of(
                        "Id", ReplicatedBucket.RULE_ID,
                        "DeleteMarkerReplication", Map.of("Status", "Enabled"),
                        "Destination", Match.objectLike(Map.of(
                                "Bucket", "arn:aws:s3:::data-west",
                                "ReplicationTime", Map.of("Status", "Enabled", "Time", Map.of("Minutes", 15)),
                                "EncryptionConfiguration", Map.of("ReplicaKmsKeyID", "arn:aws:kms:us-west-2:123456789012:alias/data-key")))))))))));
        Capture statements = new Capture();
        template.hasResourceProperties("AWS::S3::BucketPolicy", Match.objectLike(Map.of(
                "PolicyDocument", Match.objectLike(Map.of("Statement", statements)))));
        assertThat(statements.asArray().toString()).contains("aws:SecureTransport");
        template.hasResourceProperties("AWS::IAM::Policy", Match.objectLike(Map.of("PolicyDocument", Match.objectLike(Map.of(
                "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Action", List.of("kms:Encrypt", "kms:GenerateDataKey"),
                        "Condition", Map.of("ForAnyValue:StringEquals", Map.of("kms:ResourceAliases", "alias/data-key")))))))))));
        assertThat(bucket.replicaBucketName()).isEqualTo("data-west");
    }
}
