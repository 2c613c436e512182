package dev.paymentsdr.aws.adapter.secrets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.temporal.ChronoUnit;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.lambda.powertools.parameters.secrets.SecretsProvider;

/** Reads database credentials from AWS Secrets Manager through the Powertools secrets provider (cached). */
public final class SecretsManagerDatabaseSecrets {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SecretsProvider provider;

    public SecretsManagerDatabaseSecrets(SecretsManagerClient client) {
        this.provider = SecretsProvider.builder().withClient(client).build();
    }

    /**
     * Fetches and parses the secret; failures name the secret id but never include its value.
     *
     * @param secretId the secret's ARN or name
     */
    public DatabaseSecret read(String secretId) {
        String value;
        try {
            value = provider.withMaxAge(5, ChronoUnit.MINUTES).get(secretId);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot read database secret " + secretId + ": "
                    + e.getClass().getSimpleName(), e);
        }
        if (value == null) {
            throw new IllegalStateException("database secret " + secretId + " has no string value");
        }
        DatabaseSecret secret;
        try {
            secret = JSON.readValue(value, DatabaseSecret.class);
        } catch (JsonProcessingException e) {
            // The parser's message would quote the secret's text: say only what is wrong.
            throw new IllegalStateException("database secret " + secretId
                    + " is not a JSON object with username and password");
        }
        if (secret.username() == null || secret.username().isBlank()
                || secret.password() == null || secret.password().isEmpty()) {
            throw new IllegalStateException("database secret " + secretId + " lacks username or password");
        }
        return secret;
    }
}
