package nl.verbeterhub.remote.fhir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.verbeterhub.failure.RemoteSourceException;

/**
 * Fetches one run into its {@link RunFolder}: every search of {@link Searches}, page by page along the
 * server's {@code next} links, then the anaesthesia Procedures of intakes that changed without them, in
 * batches by {@code _id}. A Procedure, intake Observation, Encounter or Patient that several searches or
 * pages return is written once; a search's OperationOutcome is not written.
 */
final class ServerRun {

    private static final int ID_BATCH = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FhirHttp http;
    private final RunFolder folder;
    private final int pageSize;
    private final Set<String> procedures = new HashSet<>();
    private final Set<String> intakes = new HashSet<>();
    private final Set<String> intakeProcedures = new LinkedHashSet<>();
    private final Set<String> context = new HashSet<>();
    /** Every further theme's resource written so far, by type and id. */
    private final Set<String> themed = new HashSet<>();
    private Instant serverStart;

    ServerRun(FhirHttp http, RunFolder folder, int pageSize) {
        this.http = http;
        this.folder = folder;
        this.pageSize = pageSize;
    }

    /** @return the server's time at the run's first answer */
    Instant fetch(List<Searches.Search> searches) throws IOException {
        for (Searches.Search search : searches) search(search);
        intakeProcedures.removeAll(procedures);
        List<String> missing = new ArrayList<>(intakeProcedures);
        for (int i = 0; i < missing.size(); i += ID_BATCH) {
            search(Searches.procedures(missing.subList(i, Math.min(missing.size(), i + ID_BATCH)), pageSize));
        }
        return serverStart;
    }

    private void search(Searches.Search search) throws IOException {
        URI next = http.resolve(search.query());
        while (next != null) {
            HttpResponse<byte[]> response = http.get(next, search.purpose());
            PageReader.Page page;
            try {
                page = PageReader.read(response.body(), (bytes, offset, length, type, id) ->
                        entry(bytes, offset, length, type, id, search.kind()));
            } catch (JsonProcessingException e) {
                // The page itself is no JSON: the server failed it, not one resource.
                throw new RemoteSourceException.Unavailable("the server sent a page that is no JSON on " + search.purpose(), e);
            }
            if (serverStart == null) serverStart = serverTime(page, response);
            next = page.next().isPresent() ? follow(next, page.next().get(), search.purpose()) : null;
        }
    }

    /** A {@code next} link, relative or absolute, against the page it came with (never quoted: it holds ids). */
    private static URI follow(URI page, String link, String purpose) {
        try {
            return page.resolve(link);
        } catch (IllegalArgumentException e) {
            throw new RemoteSourceException.Unavailable("the server's next link on " + purpose + " is no URL", null);
        }
    }

    private void entry(byte[] page, int offset, int length, String type, String id, Searches.Kind kind) throws IOException {
        // A search's OperationOutcome (search.mode outcome: a warning about the query) is no resource of the run.
        if ("OperationOutcome".equals(type)) return;
        // Patients and Encounters come with every page whose records name them: written once, so that an
        // admission Encounter is one record read, not one per Procedure that points at it.
        if (id != null && ("Encounter".equals(type) || "Patient".equals(type)) && !context.add(type + "/" + id)) return;
        // A result Observation or a ServiceRequest two reports share, an INR and a screening of one patient: once.
        if (kind == Searches.Kind.THEME && id != null && !themed.add(type + "/" + id)) return;
        if ((kind == Searches.Kind.PROCEDURES || kind == Searches.Kind.INTAKES) && id != null) {
            if ("Procedure".equals(type) && !procedures.add(id)) return;
            if ("Observation".equals(type) && !intakes.add(id)) return;
            if ("Observation".equals(type) && kind == Searches.Kind.INTAKES) partOf(page, offset, length);
        }
        folder.write(page, offset, length);
    }

    /** The Procedures an intake is part of, to be fetched when the run holds them not. */
    private void partOf(byte[] page, int offset, int length) {
        JsonNode intake;
        try {
            intake = JSON.readTree(page, offset, length);
        } catch (IOException e) {
            return;
        }
        for (JsonNode ref : intake.path("partOf")) {
            String reference = ref.path("reference").asText("");
            int at = reference.indexOf("Procedure/");
            if (at < 0) continue;
            String rest = reference.substring(at + "Procedure/".length());
            int slash = rest.indexOf('/');
            String id = slash < 0 ? rest : rest.substring(0, slash);
            if (id.matches("[A-Za-z0-9\\-.]{1,64}")) intakeProcedures.add(id);
        }
    }

    /** {@code Bundle.meta.lastUpdated} at the server's precision, else the {@code Date} header. */
    private static Instant serverTime(PageReader.Page page, HttpResponse<?> response) {
        if (page.lastUpdated().isPresent()) {
            try {
                return OffsetDateTime.parse(page.lastUpdated().get()).toInstant();
            } catch (DateTimeParseException e) {
                // fall through to the header
            }
        }
        Optional<String> date = response.headers().firstValue("date");
        try {
            if (date.isPresent()) return ZonedDateTime.parse(date.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            // neither: below
        }
        throw new RemoteSourceException.Refused("the server gives no time (Bundle.meta.lastUpdated or Date): "
                + "no watermark can be kept", null);
    }
}
