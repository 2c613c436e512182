package dev.paymentsdr.aws.adapter.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class DatabaseSecretTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anAuroraSecretPointsTheWrapperAtItsEngine() throws Exception {
        DatabaseSecret postgres = JSON.readValue("{\"username\":\"u\",\"password\":\"p\",\"engine\":\"postgres\","
                + "\"host\":\"db.cluster-x.us-east-1.rds.amazonaws.com\",\"port\":5432,\"dbname\":\"payments\"}", DatabaseSecret.class);
        DatabaseSecret mysql = JSON.readValue("{\"username\":\"u\",\"password\":\"p\",\"engine\":\"mysql\","
                + "\"host\":\"db.cluster-y.us-east-1.rds.amazonaws.com\"}", DatabaseSecret.class);

        assertThat(postgres.jdbcUrl()).contains("jdbc:aws-wrapper:postgresql://db.cluster-x.us-east-1.rds.amazonaws.com:5432/payments");
        assertThat(mysql.jdbcUrl()).contains("jdbc:aws-wrapper:mysql://db.cluster-y.us-east-1.rds.amazonaws.com:3306/payments");
        assertThat(mysql.toString()).doesNotContain("p,").contains("password=***");
    }
}
