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
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.verbeterhub.config.HubProperties;
import nl.verbeterhub.connector.ConnectorConfig;
import nl.verbeterhub.extract.ExtractLog;
import nl.verbeterhub.inbox.DeliveryWatch;
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

    UploadApi(ApiAccess access, HubProperties properties, ExtractLog extracts, ExtractActivity activity,
              DeliveryWatch watch, PausedConnectors paused) {
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
        String filename = request.getQueryString() == null ? null : UriComponentsBuilder.newInstance()
                .query(request.getQueryString()).build().getQueryParams().getFirst("filename");
        if (filename != null) filename = URLDecoder.decode(filename, StandardCharsets.UTF_8);
        ConnectorConfig c = access.uploadTarget(id);
        long max = properties.api().maxUploadBytes();
        if (request.getContentLengthLong() > max) throw tooLarge(max);
        String name = UploadNames.name(filename, request.getHeader(HttpHeaders.CONTENT_DISPOSITION), request.getContentType(),
                c.type());
        Files.createDirectories(c.inbox());
        Path part = c.inbox().resolve(".upload-" + UUID.randomUUID() + ".part");
        String sha256;
        try {
            sha256 = write(request.getInputStream(), part, max);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        Path target = free(c.inbox(), name);
        CompletableFuture<DeliveryWatch.Outcome> read = watch.expect(target);
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        URI location = URI.create("/api/v1/connectors/" + c.id() + "/extracts/" + sha256);
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("connector", c.id())
                .put("file", target.getFileName().toString()).put("sha256", sha256);
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
        extracts.commit(c.id(), sha256).ifPresent(commit -> {
            ObjectNode report = ApiViews.extract(commit);
            ArrayNode rejections = report.putArray("rejections");
            activity.rejections(c.id(), sha256).forEach(r -> rejections.add(ApiViews.rejection(r)));
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

    /** The name itself, or {@code 2-name}, {@code 3-name}, … when the inbox already holds one. */
    private static Path free(Path inbox, String name) {
        Path target = inbox.resolve(name);
        for (int n = 2; Files.exists(target, LinkOption.NOFOLLOW_LINKS); n++) target = inbox.resolve(n + "-" + name);
        return target;
    }
}
