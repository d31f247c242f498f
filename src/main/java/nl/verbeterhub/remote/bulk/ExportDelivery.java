package nl.verbeterhub.remote.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import nl.verbeterhub.failure.RemoteSourceException;
import nl.verbeterhub.fhir.FhirExtract;
import nl.verbeterhub.remote.auth.Authorizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a completed export into one delivery in the connector's inbox (domain.md §8, "FHIR inbox delivery"):
 * every output file of the hub's resource types is streamed into a hidden staging folder, the manifest is
 * saved beside them as {@code manifest.json}, and the folder is renamed into place in one atomic move — the
 * fhir-inbox route never sees half an export. Error files (OperationOutcomes) are no records and stay out.
 * A delivery that fails removes its staging folder: raw data rests only in {@code .done/} and {@code .error/}
 * (domain.md §5).
 */
final class ExportDelivery {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(ExportDelivery.class);

    private record Download(URI url, String file) {
    }

    private final BulkExportClient client;

    ExportDelivery(BulkExportClient client) {
        this.client = client;
    }

    /**
     * Delivers the export as {@code inbox/name}; empty when its manifest lists no file of the hub's types
     * (nothing changed since {@code _since}: no extract, and the next {@code _since} stays the same).
     * {@code base} is the connector's {@code baseUrl}: only its origin is sent the token; {@code types} those it reads.
     */
    Optional<Path> deliver(Path inbox, String name, JsonNode manifest, URI base, Authorizer auth, List<String> types)
            throws IOException, InterruptedException {
        List<Download> downloads = new ArrayList<>();
        ArrayNode outputs = JSON.createArrayNode();
        Map<String, Integer> perType = new HashMap<>();
        for (JsonNode output : manifest.get("output")) {
            String type = output.path("type").asText("");
            if (!types.contains(type)) continue; // a server that ignored _type: no records in it
            // Local names, never the server's: its URLs may share a last segment or carry a signed query.
            String file = type + "-" + perType.merge(type, 1, Integer::sum) + ".ndjson";
            downloads.add(new Download(url(output.path("url").asText("")), file));
            ObjectNode o = outputs.addObject().put("type", type).put("url", file);
            if (output.has("count")) o.set("count", output.get("count"));
        }
        if (downloads.isEmpty()) return Optional.empty();
        Path target = inbox.resolve(name);
        // Delivered already, before a restart or a failed delete: the inbox route has it (or a re-delivery is skipped).
        if (Files.exists(target)) return Optional.of(target);
        Path staging = staging(inbox, name);
        discard(inbox, name);
        boolean moved = false;
        try {
            Files.createDirectories(staging);
            boolean token = manifest.path("requiresAccessToken").asBoolean(false);
            for (Download d : downloads) client.download(d.url(), base, token ? auth : null, staging.resolve(d.file()));
            ObjectNode saved = JSON.createObjectNode();
            for (String field : List.of("transactionTime", "request", "requiresAccessToken")) {
                if (manifest.has(field)) saved.set(field, manifest.get(field));
            }
            saved.set("output", outputs);
            saved.putArray("error");
            JSON.writerWithDefaultPrettyPrinter().writeValue(staging.resolve(FhirExtract.MANIFEST).toFile(), saved);
            Path delivered = Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
            return Optional.of(delivered);
        } finally {
            // Whatever failed (a download, the disk, an interrupt): the files downloaded so far do not stay.
            if (!moved) discardQuietly(inbox, name);
        }
    }

    private void discardQuietly(Path inbox, String name) {
        try {
            discard(inbox, name);
        } catch (IOException e) {
            LOG.warn("the staging folder of a failed export delivery could not be removed ({}); the next delivery removes it",
                    e.getClass().getSimpleName());
        }
    }

    /** Removes what an interrupted delivery left in its staging folder. */
    void discard(Path inbox, String name) throws IOException {
        Path staging = staging(inbox, name);
        if (!Files.exists(staging)) return;
        try (Stream<Path> walk = Files.walk(staging)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** How many files the manifest lists as errors (reported, never fetched). */
    static int errorFiles(JsonNode manifest) {
        return manifest.path("error").isArray() ? manifest.get("error").size() : 0;
    }

    private static Path staging(Path inbox, String name) {
        return inbox.resolve("." + name);
    }

    private static URI url(String value) {
        try {
            URI uri = new URI(value);
            if (uri.isAbsolute() && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new RemoteSourceException.Refused("the export's manifest lists an output without an http(s) url", null);
    }
}
