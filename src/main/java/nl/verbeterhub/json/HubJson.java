package nl.verbeterhub.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON settings of everything the hub writes (drafts, rejections, markers, spills): decimals written
 * plainly (0.5, 10 — never 1E+1). A package of its own, below every other, so that writing JSON ties no
 * package to the drafts.
 */
public final class HubJson {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private HubJson() {
    }
}
