package dev.paymentsdr.service.contract;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The decoded query parameters of a request target. */
final class Query {
    private Query() {
    }

    static Map<String, List<String>> parse(String pathAndQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        int question = pathAndQuery.indexOf('?');
        if (question < 0) {
            return parameters;
        }
        for (String pair : pathAndQuery.substring(question + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return parameters;
    }
}
