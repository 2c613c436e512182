package dev.paymentsdr.service.adapter.in.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The strictly configured JSON mappers of the API: exact decimals, no duplicate keys, nothing after the value. */
final class Json {
    static final ObjectMapper MAPPER = strict(JsonFactory.builder().build());

    private Json() {
    }

    /** The strict mapper for request bodies, whose parser also refuses numbers and nesting beyond the limits. */
    static ObjectMapper reader(JsonLimits limits) {
        return strict(JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNumberLength(limits.maxNumberLength())
                .maxNestingDepth(limits.maxNestingDepth())
                .build()).build());
    }

    private static ObjectMapper strict(JsonFactory factory) {
        ObjectMapper mapper = JsonMapper.builder(factory)
                // Amounts are money: never let a JSON number pass through a double.
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .disable(JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS)
                .build();
        mapper.getFactory().disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
        return mapper;
    }
}
