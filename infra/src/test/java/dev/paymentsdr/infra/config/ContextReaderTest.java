package dev.paymentsdr.infra.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContextReaderTest {
    private static DrSettings read(Map<String, Object> context) {
        Map<String, Object> withAccount = new HashMap<>(context);
        withAccount.putIfAbsent("account", "123456789012");
        return new ContextReader(withAccount::get).read();
    }

    @Test
    void givenNoContext_thenTheSeedDefaultsApply() {
        DrSettings settings = read(Map.of());

        assertThat(settings.environmentSuffix()).isEqualTo("dev");
        assertThat(settings.primaryRegion()).isEqualTo("us-east-1");
        assertThat(settings.secondaryRegion()).isEqualTo("us-east-2");
        assertThat(settings.primaryCapacity()).isEqualTo(new Capacity(10, 50));
        assertThat(settings.secondaryCapacity()).isEqualTo(new Capacity(2, 50));
        assertThat(settings.databaseEngine()).as("each blueprint has its document's engine").isEmpty();
        assertThat(settings.dns()).isEmpty();
        assertThat(settings.alertEmail()).isEmpty();
        assertThat(settings.globalAccelerator()).isFalse();
        assertThat(settings.deletionProtection()).isTrue();
    }

    @Test
    void givenEveryParameter_thenEachIsRead() {
        DrSettings settings = read(Map.ofEntries(
                Map.entry("environmentSuffix", "prod-001"),
                Map.entry("primaryRegion", "eu-west-1"),
                Map.entry("secondaryRegion", "eu-central-1"),
                Map.entry("alertEmail", "ops@example.com"),
                Map.entry("domainName", "payments.example.com"),
                Map.entry("hostedZoneId", "Z0123456789ABCDEFGHIJ"),
                Map.entry("primaryMinTasks", "4"),
                Map.entry("primaryMaxTasks", "8"),
                Map.entry("secondaryMinTasks", "1"),
                Map.entry("secondaryMaxTasks", "8"),
                Map.entry("databaseEngine", "mysql"),
                Map.entry("globalAccelerator", "true"),
                Map.entry("deletionProtection", "false")));

        assertThat(settings.environmentSuffix()).isEqualTo("prod-001");
        assertThat(settings.otherRegion("eu-west-1")).isEqualTo("eu-central-1");
        assertThat(settings.alertEmail()).contains("ops@example.com");
        assertThat(settings.dns()).contains(new DnsSettings("payments.example.com", java.util.Optional.of("Z0123456789ABCDEFGHIJ")));
        assertThat(settings.dns().get().apiRecordName()).isEqualTo("payments.payments.example.com");
        assertThat(settings.primaryCapacity()).isEqualTo(new Capacity(4, 8));
        assertThat(settings.secondaryCapacity()).isEqualTo(new Capacity(1, 8));
        assertThat(settings.databaseEngine()).contains(DatabaseEngineChoice.MYSQL);
        assertThat(settings.globalAccelerator()).isTrue();
        assertThat(settings.deletionProtection()).isFalse();
    }

    @Test
    void givenAnUppercaseSuffix_thenTheErrorNamesTheKeyTheValueAndWhatIsAccepted() {
        assertThatThrownBy(() -> read(Map.of("environmentSuffix", "Prod")))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageContaining("environmentSuffix")
                .hasMessageContaining("'Prod'")
                .hasMessageContaining("lowercase letters, digits or dashes");
    }

    @Test
    void givenASuffixTooLongForBucketNames_thenItIsRefused() {
        assertThatThrownBy(() -> read(Map.of("environmentSuffix", "a-very-long-suffix-that-breaks")))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageContaining("1-20");
    }

    @Test
    void givenTheSameRegionTwice_thenTheErrorSaysTheyMustDiffer() {
        assertThatThrownBy(() -> read(Map.of("primaryRegion", "us-east-2")))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageContaining("must differ")
                .hasMessageContaining("us-east-2");
    }

    @Test
    void givenAMalformedRegion_thenItIsRefused() {
        assertThatThrownBy(() -> read(Map.of("secondaryRegion", "mars-1")))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageContaining("secondaryRegion")
                .hasMessageContaining("us-east-1");
    }

    @Test
    void givenAZoneWithoutADomain_thenTheErrorSaysTheZoneNeedsItsName() {
        assertThatThrownBy(() -> read(Map.of("hostedZoneId", "Z0123456789ABCDEFGHIJ")))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageContaining("hostedZoneId needs domainName");
    }

    @Test
    void givenADomainWithoutAZone_thenTheSettingsHaveNoZoneIdForTheBlueprintToCreateOrRefuse() {
        assertThat(read(Map.of("domainName", "example.com")).dns()).contains(new DnsSettings("example.com", java.util.Optional.empty()));
    }

    @Test
    void givenABlueprintDefault_thenItAppliesOnlyWhereTheContextIsSilent() {
        Map<String, String> seedDefaults = Map.of("environmentSuffix", "prod", "secondaryRegion", "us-west-2");
        DrSettings silent = new ContextReader(key -> null, seedDefaults).read();
        assertThat(silent.environmentSuffix()).isEqualTo("prod");
        assertThat(silent.secondaryRegion()).isEqualTo("us-west-2");
        DrSettings given = new ContextReader(Map.<String, Object>of("environmentSuffix", "qa")::get, seedDefaults).read();
        assertThat(given.environmentSuffix()).isEqualTo("qa");
    }

    @Test
    void givenAnInvalidEmail_thenItIsRefused() {
        assertThatThrownBy(() -> read(Map.of("alertEmail", "ops-at-example")))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageContaining("alertEmail");
    }

    @Test
    void givenAMinimumAboveTheMaximum_thenTheCapacityIsRefused() {
        assertThatThrownBy(() -> read(Map.of("secondaryMinTasks", "20", "secondaryMaxTasks", "10")))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageContaining("min=20 max=10");
    }

    @Test
    void givenANonNumericTaskCount_thenItIsRefused() {
        assertThatThrownBy(() -> read(Map.of("primaryMinTasks", "ten")))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageContaining("primaryMinTasks")
                .hasMessageContaining("whole number");
    }

    @Test
    void givenAnUnknownEngineOrFlagValue_thenTheAcceptedValuesAreListed() {
        assertThatThrownBy(() -> read(Map.of("databaseEngine", "oracle")))
                .hasMessageContaining("postgresql or mysql");
        assertThatThrownBy(() -> read(Map.of("globalAccelerator", "yes")))
                .hasMessageContaining("true or false");
    }

    @Test
    void givenAShortAccountId_thenItIsRefused() {
        assertThatThrownBy(() -> new ContextReader(Map.<String, Object>of("account", "1234")::get).read())
                .isInstanceOf(InvalidContextException.class)
                .hasMessageContaining("12-digit");
    }
}
