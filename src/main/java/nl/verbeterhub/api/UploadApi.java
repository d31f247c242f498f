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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.verbeterhub.config.HubProperties;
import nl.verbeterhub.connector.ConnectorConfig;
import nl.verbeterhub.extract.ExtractCommit;
import nl.verbeterhub.extract.ExtractLog;
import nl.verbeterhub.ops.ConnectorControl;
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

    private static final Duration LOOK = Duration.ofMillis(100);
    private static final int REASON_LOOKS = 20;

    private final ApiAccess access;
    private final HubProperties properties;
    private final ExtractLog extracts;
    private final ExtractActivity activity;
    private final ConnectorControl control;
    private final PausedConnectors paused;
    private final Clock clock;

    UploadApi(ApiAccess access, HubProperties properties, ExtractLog extracts, ExtractActivity activity,
              ConnectorControl control, PausedConnectors paused, Clock clock) {
        this.clock = clock;
        this.access = access;
        this.properties = properties;
        this.extracts = extracts;
        this.activity = activity;
        this.control = control;
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
        Instant started = clock.instant();
        Path part = c.inbox().resolve(".upload-" + UUID.randomUUID() + ".part");
        String sha256;
        try {
            sha256 = write(request.getInputStream(), part, max);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        Path target = free(c.inbox(), name);
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        URI location = URI.create("/api/v1/connectors/" + c.id() + "/extracts/" + sha256);
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("connector", c.id()).put("file", target.getFileName().toString())
                .put("sha256", sha256);
        if (!paused.isPaused(c.id()) && waitUntilRead(target)) {
            Optional<ExtractCommit> commit = extracts.commit(c.id(), sha256);
            if (commit.isPresent()) {
                // The route skipped it when these bytes were committed before this upload.
                boolean redelivery = commit.get().receivedAt().isBefore(started);
                body.put("status", redelivery ? "redelivery" : "committed");
                ObjectNode report = ApiViews.extract(commit.get());
                ArrayNode rejections = report.putArray("rejections");
                activity.rejections(c.id(), sha256).forEach(r -> rejections.add(ApiViews.rejection(r)));
                body.set("extract", report);
                return ResponseEntity.status(redelivery ? HttpStatus.OK : HttpStatus.CREATED).location(location).body(body);
            }
            Optional<ConnectorControl.ErrorFile> error = errorFile(c, target.getFileName().toString(), started);
            if (error.isPresent()) {
                body.put("status", "unusable").put("reason", error.get().reason()).put("error", error.get().name());
                return ResponseEntity.unprocessableEntity().body(body);
            }
        }
        body.put("status", paused.isPaused(c.id()) ? "paused" : "accepted");
        return ResponseEntity.accepted().location(location).body(body);
    }

    /** The upload in .error/ (stamped, maybe numbered), once its reason file is written beside it. */
    private Optional<ConnectorControl.ErrorFile> errorFile(ConnectorConfig c, String name, Instant started)
            throws InterruptedException {
        Pattern moved = Pattern.compile("\\d{8}T\\d{6}-" + Pattern.quote(name) + "(\\.\\d+)?");
        for (int look = 0; look < REASON_LOOKS; look++) {
            Optional<ConnectorControl.ErrorFile> error = control.errorFiles(c).stream()
                    // A move keeps the time it was written: an earlier upload of that name is older.
                    .filter(f -> moved.matcher(f.name()).matches() && !f.movedAt().isBefore(started.truncatedTo(ChronoUnit.SECONDS)))
                    .findFirst();
            if (error.isEmpty() || error.get().reason() != null) return error;
            Thread.sleep(LOOK.toMillis());
        }
        return Optional.empty();
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
        return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "an upload may hold at most " + max + " bytes (hub.api.max-upload-bytes)");
    }

    /** The name itself, or {@code 2-name}, {@code 3-name}, … when the inbox already holds one. */
    private static Path free(Path inbox, String name) {
        Path target = inbox.resolve(name);
        for (int n = 2; Files.exists(target, LinkOption.NOFOLLOW_LINKS); n++) target = inbox.resolve(n + "-" + name);
        return target;
    }

    /** Whether the route moved the file out of the inbox (to .done/ or .error/) within the upload wait. */
    private boolean waitUntilRead(Path target) throws InterruptedException {
        long deadline = System.nanoTime() + properties.api().uploadWait().toNanos();
        while (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (System.nanoTime() > deadline) return false;
            Thread.sleep(LOOK.toMillis());
        }
        return true;
    }
}
