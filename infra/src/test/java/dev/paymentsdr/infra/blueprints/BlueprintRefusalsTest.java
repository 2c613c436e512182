package dev.paymentsdr.infra.blueprints;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymentsdr.infra.Synthesizer;
import dev.paymentsdr.infra.TestArtifacts;
import dev.paymentsdr.infra.config.InvalidContextException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Context a blueprint cannot honour stops synthesis with a message that names it, instead of being dropped silently. */
class BlueprintRefusalsTest {
    private static void synthesize(Map<String, Object> context) {
        Synthesizer.synthesize(context, null, TestArtifacts::create);
    }

    @Test
    void givenAnotherEngineThanTheDocuments_thenTheSeedRefusesIt() {
        assertThatThrownBy(() -> synthesize(Map.of("blueprint", "seed-004", "databaseEngine", "postgresql")))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageContaining("blueprint seed-004 uses Aurora mysql (its document's engine)");
    }

    @Test
    void givenADomainToTheCloudFormationSeed_thenItPointsToTheTemplateParameters() {
        assertThatThrownBy(() -> synthesize(Map.of("blueprint", "seed-002", "domainName", "example.com")))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageContaining("CloudFormation parameters at deploy time (HostedZoneName");
    }

    @Test
    void givenADomainWithoutZoneToABlueprintThatCreatesNoZone_thenItAsksForTheZoneId() {
        assertThatThrownBy(() -> synthesize(Map.of("blueprint", "flagship", "domainName", "example.com")))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageContaining("domainName example.com needs hostedZoneId");
    }

    @Test
    void givenAnAcceleratorToABlueprintWithoutLoadBalancers_thenItSaysWhy() {
        assertThatThrownBy(() -> synthesize(Map.of("blueprint", "seed-001", "globalAccelerator", "true")))
                .hasMessageContaining("globalAccelerator=true needs the payment service (ALB)");
    }
}
