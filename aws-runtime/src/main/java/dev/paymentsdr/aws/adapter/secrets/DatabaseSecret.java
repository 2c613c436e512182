package dev.paymentsdr.aws.adapter.secrets;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * The fields of an RDS-style database secret ({@code username}, {@code password}, {@code host}, {@code port},
 * {@code dbname}); {@link #toString()} never shows the password.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DatabaseSecret(
        @JsonProperty("username") String username,
        @JsonProperty("password") String password,
        @JsonProperty("host") String host,
        @JsonProperty("port") Integer port,
        @JsonProperty("dbname") String dbname) {

    /** The JDBC URL the secret points at, when it names a host (Aurora endpoints go through the AWS JDBC Wrapper). */
    public Optional<String> jdbcUrl() {
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        String database = dbname == null || dbname.isBlank() ? "postgres" : dbname;
        int resolvedPort = port == null ? 5432 : port;
        return Optional.of("jdbc:aws-wrapper:postgresql://" + host + ":" + resolvedPort + "/" + database);
    }

    @Override
    public String toString() {
        return "DatabaseSecret[username=" + username + ", host=" + host + ", port=" + port + ", dbname=" + dbname
                + ", password=***]";
    }
}
