package nl.verbeterhub.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.verbeterhub.config.HubProperties;
import nl.verbeterhub.connector.ConnectorConfig;
import nl.verbeterhub.connector.ConnectorType;
import nl.verbeterhub.connector.SourceSettings;
import nl.verbeterhub.extract.ExtractLog;
import nl.verbeterhub.extract.Sha256;
import nl.verbeterhub.inbox.DeliveryWatch;
import nl.verbeterhub.ops.AuditLog;
import nl.verbeterhub.ops.ExtractActivity;
import nl.verbeterhub.ops.PausedConnectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Push upload (issue 17): the raw file is written into the connector's inbox under a hidden temporary
 * name and renamed, then follows the normal route; the answer is that extract's report once the route is
 * done with it (201 committed, 200 a re-delivery, 422 unusable with its reason), or 202 while it is not.
 */
@RestController
class UploadApi {

    private final ApiAccess access;
    private final HubProperties properties;
    private final ExtractLog extracts;
    private final ExtractActivity activity;
    private final DeliveryWatch watch;
    private final PausedConnectors paused;
    private final AuditLog audit;

    UploadApi(ApiAccess access, HubProperties properties, ExtractLog extracts, ExtractActivity activity,
              DeliveryWatch watch, PausedConnectors paused, AuditLog audit) {
        this.audit = audit;
        this.access = access;
        this.properties = properties;
        this.extracts = extracts;
        this.activity = activity;
        this.watch = watch;
        this.paused = paused;
    }

    @PostMapping(path = "/api/v1/connectors/{id}/extracts", consumes = MediaType.ALL_VALUE)
    ResponseEntity<ObjectNode> upload(@PathVariable String id, HttpServletRequest request)
            throws IOException, InterruptedException {
        // Not request.getParameter: for curl's default form content type that would read the body as a form.
        ConnectorConfig c = access.uploadTarget(id);
        String filename = filename(request.getQueryString());
        String contentType = request.getContentType();
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "send the file itself as the body (curl --data-binary @file), "
                    + "not as a form");
        }
        long max = properties.api().maxUploadBytes();
        if (request.getContentLengthLong() > max) throw tooLarge(max);
        String name = UploadNames.name(filename, request.getHeader(HttpHeaders.CONTENT_DISPOSITION), request.getContentType(),
                c.readsFhir() ? ConnectorType.FHIR_INBOX : ConnectorType.CSV_INBOX);
        Files.createDirectories(c.inbox());
        Path part = c.inbox().resolve(".upload-" + UUID.randomUUID() + ".part");
        String sha256;
        try {
            sha256 = write(request.getInputStream(), part, max);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        // A FHIR extract is named by the SHA-256 of its files' SHA-256s, a lone file too (decision 39).
        String extract = c.settings() instanceof SourceSettings.Fhir ? Sha256.ofText(sha256) : sha256;
        Path target;
        CompletableFuture<DeliveryWatch.Outcome> read;
        try {
            target = claim(c.inbox(), name, part);
            read = watch.expect(target);
        } finally {
            Files.deleteIfExists(part);
        }
        audit.record(access.user().name(), "upload", c.id(), target.getFileName().toString());
        URI location = URI.create("/api/v1/connectors/" + c.id() + "/extracts/" + extract);
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("connector", c.id())
                .put("file", target.getFileName().toString()).put("sha256", extract);
        Optional<DeliveryWatch.Outcome> outcome = paused.isPaused(c.id()) ? Optional.empty() : await(read);
        if (outcome.isEmpty()) {
            watch.forget(target);
            body.put("status", paused.isPaused(c.id()) ? "paused" : "accepted");
            return ResponseEntity.accepted().location(location).body(body);
        }
        if (!outcome.get().archived()) {
            body.put("status", "unusable").put("reason", outcome.get().reason()).put("error", outcome.get().errorName());
            return ResponseEntity.unprocessableEntity().body(body);
        }
        boolean redelivery = outcome.get().extract().redelivery();
        body.put("status", redelivery ? "redelivery" : "committed");
        extracts.commit(c.id(), outcome.get().extract().sha256()).ifPresent(commit -> {
            ObjectNode report = ApiViews.extract(commit);
            ArrayNode rejections = report.putArray("rejections");
            activity.rejections(c.id(), commit.sha256()).forEach(r -> rejections.add(ApiViews.rejection(r)));
            body.set("extract", report);
        });
        return ResponseEntity.status(redelivery ? HttpStatus.OK : HttpStatus.CREATED).location(location).body(body);
    }

    /** What the route did with the upload, if it did within the upload wait. */
    private Optional<DeliveryWatch.Outcome> await(CompletableFuture<DeliveryWatch.Outcome> read) throws InterruptedException {
        try {
            return Optional.of(read.get(properties.api().uploadWait().toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Copies the body, counting and hashing; over the limit it stops and nothing is kept. */
    private static String write(InputStream in, Path part, long max) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(part)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > max) throw tooLarge(max);
                sha.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static ApiException tooLarge(long max) {
        return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "an upload may hold at most " + max
                + " bytes (hub.api.max-upload-bytes)");
    }

    /**
     * Puts the written file into the inbox under the name itself, or {@code 2-name}, {@code 3-name}, …: a
     * hard link appears whole and fails when the name is taken, so two uploads of one name never replace
     * each other (a rename would, silently).
     */
    private static Path claim(Path inbox, String name, Path part) throws IOException {
        for (int n = 1; ; n++) {
            Path target = inbox.resolve(n == 1 ? name : n + "-" + name);
            try {
                return Files.createLink(target, part);
            } catch (FileAlreadyExistsException e) {
                // taken: the next number
            }
        }
    }

    /** The {@code filename} query parameter, read from the query string: never as a form parameter. */
    private static String filename(String query) {
        if (query == null) return null;
        String raw = UriComponentsBuilder.newInstance().query(query).build().getQueryParams().getFirst("filename");
        try {
            return raw == null ? null : URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "filename is not URL-encoded correctly");
        }
    }
}
