package nl.verbeterhub.draft;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The JSON settings of everything the hub publishes: decimals written plainly (0.5, 10 — never 1E+1). */
public final class DraftJson {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private DraftJson() {
    }
}
