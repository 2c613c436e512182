package dev.paymentsdr.aws.adapter.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymentsdr.aws.testing.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

class SecretsManagerDatabaseSecretsIT {
    private static MotoServer moto;
    private static SecretsManagerClient client;

    @BeforeAll
    static void startMoto() {
        moto = MotoServer.start();
        client = SecretsManagerClient.builder().endpointOverride(moto.endpoint()).region(moto.region())
                .credentialsProvider(moto.credentials()).httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void stopMoto() {
        client.close();
        moto.close();
    }

    @Test
    void anRdsStyleSecretYieldsCredentialsAndAWrapperUrl() {
        String arn = client.createSecret(b -> b.name("payments/db-ok").secretString(
                "{\"username\":\"app\",\"password\":\"s3cr3t-value\",\"host\":\"db.cluster-x.us-east-1.rds.amazonaws.com\","
                        + "\"port\":5432,\"dbname\":\"payments\",\"engine\":\"postgres\"}")).arn();

        DatabaseSecret secret = new SecretsManagerDatabaseSecrets(client).read(arn);

        assertThat(secret.username()).isEqualTo("app");
        assertThat(secret.password()).isEqualTo("s3cr3t-value");
        assertThat(secret.jdbcUrl()).contains(
                "jdbc:aws-wrapper:postgresql://db.cluster-x.us-east-1.rds.amazonaws.com:5432/payments");
        assertThat(secret.toString()).doesNotContain("s3cr3t-value");
    }

    @Test
    void aSecretThatIsNotJsonIsRejectedWithoutQuotingIt() {
        String arn = client.createSecret(b -> b.name("payments/db-bad").secretString("hunter2-plain-text")).arn();

        assertThatThrownBy(() -> new SecretsManagerDatabaseSecrets(client).read(arn))
                .hasMessageContaining("is not a JSON object")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aMissingSecretNamesTheSecretButFails() {
        assertThatThrownBy(() -> new SecretsManagerDatabaseSecrets(client).read("payments/absent"))
                .hasMessageContaining("payments/absent");
    }
}
