package nl.verbeterhub.support.fhirserver;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Resource;

/**
 * The test server's resources, by type and id, each stamped with {@code meta.lastUpdated} (milliseconds)
 * and a version when put. Resources are parsed leniently, so an invalid date (2019-02-30) is stored and
 * served as it came, as a real server with lax validation would.
 */
public final class MemoryStore {

    private final Map<String, Map<String, Resource>> byType = new LinkedHashMap<>();
    private final IParser parser;
    private long lastStamp;

    public MemoryStore(FhirContext context) {
        this.parser = context.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false).setErrorOnInvalidValue(false));
    }

    /** Stores (or replaces) a resource given as JSON; resources without id get one from their position. */
    public synchronized Resource put(String json) {
        Resource r = (Resource) parser.parseResource(json);
        if (r.getIdPart() == null) r.setId("gen-" + byType.values().stream().mapToInt(Map::size).sum());
        Map<String, Resource> resources = byType.computeIfAbsent(r.fhirType(), t -> new LinkedHashMap<>());
        Resource earlier = resources.get(r.getIdPart());
        int version = earlier == null ? 1 : Integer.parseInt(earlier.getMeta().getVersionId()) + 1;
        r.setId(r.fhirType() + "/" + r.getIdPart());
        r.getMeta().setVersionId(String.valueOf(version));
        r.getMeta().setLastUpdated(new Date(nextStamp()));
        // Replaced in place keeps the order; a new resource goes last.
        resources.put(r.getIdPart(), r);
        return r;
    }

    /** The server's clock, as a real server stamps: several resources may share a millisecond. */
    private long nextStamp() {
        lastStamp = System.currentTimeMillis();
        return lastStamp;
    }

    /** When the latest resource was put (a test waits past it so that no search starts in that millisecond). */
    public synchronized long lastStamp() {
        return lastStamp;
    }

    /** Deletes a resource, as a server's DELETE does: a search no longer finds it. */
    public synchronized void remove(String type, String id) {
        byType.getOrDefault(type, new LinkedHashMap<>()).remove(id);
    }

    public synchronized void putAll(List<String> lines) {
        for (String line : lines) if (!line.isBlank()) put(line);
    }

    public synchronized <T extends Resource> List<T> all(Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Map<String, Resource> resources : byType.values()) {
            for (Resource r : resources.values()) if (type.isInstance(r)) found.add(type.cast(r));
        }
        return found;
    }

    public synchronized Resource get(String type, String id) {
        return byType.getOrDefault(type, Map.of()).get(id);
    }

    public synchronized int size() {
        return byType.values().stream().mapToInt(Map::size).sum();
    }
}
