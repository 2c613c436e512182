package dev.paymentsdr.lab.haproxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HaproxyRuntimeApiTest {

    private static ServerStat server(String name, String status, int weight, boolean backup) {
        return new ServerStat("payments", name, status, weight, backup, "L7OK");
    }

    @Test
    void givenTheActiveServerIsUp_thenTrafficGoesToIt() {
        assertThat(HaproxyRuntimeApi.routesTo(List.of(server("a", "UP", 1, false), server("b", "UP", 1, true))))
                .contains("a");
    }

    @Test
    void givenTheActiveServerIsGoingDownButStillUp_thenItStillTakesTraffic() {
        assertThat(HaproxyRuntimeApi.routesTo(List.of(server("a", "UP 1/3", 1, false), server("b", "UP", 1, true))))
                .contains("a");
    }

    @Test
    void givenTheActiveServerIsDownOrDrainedOrInMaintenance_thenTheUpBackupTakesTraffic() {
        for (String status : List.of("DOWN", "DRAIN", "MAINT", "DOWN 1/2")) {
            assertThat(HaproxyRuntimeApi.routesTo(List.of(server("a", status, status.equals("DRAIN") ? 0 : 1, false),
                    server("b", "UP", 1, true)))).as(status).contains("b");
        }
    }

    @Test
    void givenNoServerIsUp_thenNothingTakesTraffic() {
        assertThat(HaproxyRuntimeApi.routesTo(List.of(server("a", "DOWN", 1, false), server("b", "DOWN", 1, true))))
                .isEmpty();
    }

    @Test
    void showStatCsvIsParsedByItsHeader() {
        String csv = "# pxname,svname,qcur,status,weight,bck,check_status,\n"
                + "payments,us-east-1,0,UP,1,0,L7OK,\n"
                + "payments,BACKEND,0,UP,1,0,,\n";

        List<Map<String, String>> rows = HaproxyRuntimeApi.parseTable(csv, ",");

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("svname", "us-east-1").containsEntry("status", "UP")
                .containsEntry("bck", "0").containsEntry("check_status", "L7OK");
    }
}
