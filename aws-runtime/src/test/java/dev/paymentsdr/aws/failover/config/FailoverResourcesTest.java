package dev.paymentsdr.aws.failover.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymentsdr.failover.domain.model.RegionId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailoverResourcesTest {
    static Map<String, String> complete() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("regions", "us-east-1,us-east-2");
        s.put("global-cluster", "payments-dr-global-prod");
        s.put("state-table", "payments-dr-failover-prod");
        s.put("probe-url", "https://api.example.com");
        for (String r : new String[] {"us-east-1", "us-east-2"}) {
            s.put("region." + r + ".db-cluster", "payments-dr-db-" + r + "-prod");
            s.put("region." + r + ".ecs-cluster", "payments-" + r);
            s.put("region." + r + ".ecs-service", "api");
            s.put("region." + r + ".health-url", "https://" + r + ".example.com/health/ready");
            s.put("region." + r + ".health-check-id", "0c6e2e0a-1a2b-4c3d-9e8f-0123456789ab");
            s.put("region." + r + ".alert-topic-arn", "arn:aws:sns:" + r + ":123456789012:ops");
        }
        return s;
    }

    @Test
    void givenCompleteSettings_thenEveryResourceIsRead_andTheStateTableDefaultsToTheDrRegion() {
        FailoverResources resources = FailoverResources.parse(complete(), "test");

        assertThat(resources.regions()).containsExactly(RegionId.of("us-east-1"), RegionId.of("us-east-2"));
        assertThat(resources.stateTableRegion()).isEqualTo(RegionId.of("us-east-2"));
        assertThat(resources.dns()).isEmpty();
        assertThat(resources.region(RegionId.of("us-east-2")).minTasks()).isEqualTo(1);
        assertThat(String.join("\n", resources.describe())).contains("health checks only").contains("payments-dr-db-us-east-2-prod");
    }

    @Test
    void givenBadAndMissingValues_thenOneErrorListsEachKeyWithWhatIsAccepted() {
        Map<String, String> s = complete();
        s.remove("global-cluster");
        s.put("region.us-east-2.alert-topic-arn", "arn:aws:sns:us-east-1:123456789012:ops");
        s.put("region.us-east-1.min-tasks", "zero");
        s.put("route53.hosted-zone-id", "Z0123456789ABCDEFGHIJ");
        s.put("probe-url", "ftp://x");

        assertThatThrownBy(() -> FailoverResources.parse(s, "--config prod.properties"))
                .hasMessageContaining("failover resources from --config prod.properties are incomplete or invalid")
                .hasMessageContaining("global-cluster: missing")
                .hasMessageContaining("region.us-east-2.alert-topic-arn: 'arn:aws:sns:us-east-1:123456789012:ops' is in us-east-1, not in us-east-2")
                .hasMessageContaining("region.us-east-1.min-tasks: 'zero' is not a whole number 1-1000")
                .hasMessageContaining("route53.record-name: missing")
                .hasMessageContaining("probe-url: 'ftp://x' is not an absolute http or https URL")
                .hasMessageContaining("region.us-east-1.alias-dns-name: missing");
    }

    @Test
    void givenOneRegionOrTheSameTwice_thenTheRegionsAreRefused() {
        Map<String, String> s = complete();
        s.put("regions", "us-east-1,us-east-1");

        assertThatThrownBy(() -> FailoverResources.parse(s, "test")).hasMessageContaining("regions: 'us-east-1,us-east-1' must name two different regions");
    }

    @Test
    void aConfigFileIsReadAsKeyValueLines_andItsValuesWinOverStackOutputs(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("failover.properties");
        Files.writeString(file, "# prod\nstate-table = from-file\nregion.us-east-2.min-tasks=10\n");

        Map<String, String> merged = ResourceSources.merge(complete(), ResourceSources.file(file));

        FailoverResources resources = FailoverResources.parse(merged, "test");
        assertThat(resources.stateTable()).isEqualTo("from-file");
        assertThat(resources.region(RegionId.of("us-east-2")).minTasks()).isEqualTo(10);
        assertThatThrownBy(() -> ResourceSources.file(dir.resolve("absent.properties"))).hasMessageContaining("absent.properties");
    }

    private static final String ACCELERATOR = "arn:aws:globalaccelerator::123456789012:accelerator/1234abcd-abcd-1234-abcd-1234abcdefgh";

    @Test
    void givenBothRegionsEndpointGroups_thenTheAcceleratorIsTheirs_andWithoutThemThereIsNone() {
        Map<String, String> s = complete();
        s.put("region.us-east-1.accelerator-endpoint-group-arn", ACCELERATOR + "/listener/0123vxyz/endpoint-group/098765zyxwvu");
        s.put("region.us-east-2.accelerator-endpoint-group-arn", ACCELERATOR + "/listener/0123vxyz/endpoint-group/abcdef012345");

        FailoverResources resources = FailoverResources.parse(s, "test");

        assertThat(resources.accelerator()).hasValueSatisfying(a -> {
            assertThat(a.acceleratorArn()).isEqualTo(ACCELERATOR);
            assertThat(a.endpointGroups().get(RegionId.of("us-east-2"))).endsWith("abcdef012345");
        });
        assertThat(String.join("\n", resources.describe())).contains("Global Accelerator " + ACCELERATOR);
        assertThat(FailoverResources.parse(complete(), "test").accelerator()).isEmpty();
    }

    @Test
    void givenOneRegionsEndpointGroup_aBadArn_orGroupsOfTwoAccelerators_thenTheErrorNamesTheKey() {
        Map<String, String> s = complete();
        s.put("region.us-east-1.accelerator-endpoint-group-arn", ACCELERATOR + "/listener/0123vxyz/endpoint-group/098765zyxwvu");
        assertThatThrownBy(() -> FailoverResources.parse(s, "test"))
                .hasMessageContaining("region.us-east-2.accelerator-endpoint-group-arn: missing: an accelerator needs the endpoint "
                        + "group of every region");

        s.put("region.us-east-2.accelerator-endpoint-group-arn", "arn:aws:elasticloadbalancing:us-east-2:123456789012:x");
        assertThatThrownBy(() -> FailoverResources.parse(s, "test"))
                .hasMessageContaining("region.us-east-2.accelerator-endpoint-group-arn: 'arn:aws:elasticloadbalancing")
                .hasMessageContaining("accepted: a Global Accelerator endpoint group ARN");

        s.put("region.us-east-2.accelerator-endpoint-group-arn", ACCELERATOR + "9/listener/0123vxyz/endpoint-group/abc");
        assertThatThrownBy(() -> FailoverResources.parse(s, "test"))
                .hasMessageContaining("the endpoint groups belong to different accelerators");
    }
}
