package nl.verbeterhub.fhir;

import ca.uhn.fhir.parser.IParser;
import java.io.CharConversionException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import nl.verbeterhub.extract.Position;
import nl.verbeterhub.extract.RecordConsumer;
import nl.verbeterhub.extract.UnusableFileException;
import nl.verbeterhub.extract.UnusableFileException.Reason;
import nl.verbeterhub.pseudonym.Pseudonymizer;
import org.hl7.fhir.r4.model.Resource;

/**
 * The Bundle files of one FHIR extract, read entry by entry with HAPI FHIR (the reference reader) in the
 * passes of {@link FhirRecordSource}: requests ({@code DELETE}), {@code urn:} aliases, resources.
 */
final class BundleEntries {

    private final FhirReading reading;
    private final FhirReport report;
    /** Shared with the source: files in which a pass before the last saw what the joined pass reads, or a DELETE of it. */
    private final Set<FhirExtract.File> withJoined;
    /** Which resource types are parsed; the others are counted by their {@code resourceType} alone, never parsed. */
    private final FhirScope scope;
    private final Map<String, BundleFile> bundles = new LinkedHashMap<>();
    private final FhirResource resource = new FhirResource();

    BundleEntries(FhirReading reading, FhirReport report, Set<FhirExtract.File> withJoined, FhirScope scope) {
        this.reading = reading;
        this.report = report;
        this.withJoined = withJoined;
        this.scope = scope;
    }

    /** Verifies a Bundle's structure (valid JSON, a readable type) before anything of the extract is read. */
    void add(FhirExtract.File f) throws UnusableFileException, IOException {
        BundleFile bundle = new BundleFile(f.path(), f.name(), reading.json(), reading.maxResourceBytes());
        try {
            bundle.verify(reading.resourceTypes());
        } catch (CharConversionException e) {
            throw new UnusableFileException(Reason.NOT_TEXT, f.name() + " is no UTF-8 text");
        }
        bundles.put(f.name(), bundle);
    }

    /**
     * What each {@code urn:} {@code fullUrl} of every Bundle names, before any pass: a reference to an
     * entry later in the Bundle must resolve too.
     */
    void aliases(JoinStore join, Pseudonymizer pseudonyms, String agb, boolean patientsFirst) throws IOException {
        for (BundleFile bundle : bundles.values()) {
            bundle.entries((index, entry) -> {
                if (entry.fullUrl() == null || !References.isUrn(entry.fullUrl()) || entry.resource() == null) return;
                String type = entry.resource().path("resourceType").asText("");
                resource.clear();
                resource.resourceType = type;
                resource.id = entry.resource().path("id").asText(null);
                String self = References.self(resource, entry.fullUrl());
                if (self == null) return; // an empty URN names nothing
                byte kind = Aliases.kind(type);
                byte[] pseudonym = kind == Aliases.PATIENT && !patientsFirst ? pseudonyms.patient(agb, self) : null;
                join.put(join.key(JoinStore.ALIAS, entry.fullUrl()),
                        Aliases.value(kind, join.key(JoinStore.PATIENT, self), pseudonym));
            });
        }
    }

    /** One Bundle in one pass: the entries of the types the pass handles. */
    void read(FhirExtract.File f, Pass pass, boolean first, boolean patientsFirst, ResourceHandler handler,
              RecordConsumer consumer) throws IOException {
        IParser hapi = reading.hapiParser();
        consumer.at(f.name(), Position.Kind.ENTRY);
        bundles.get(f.name()).entries((index, entry) -> {
            String position = f.name() + " entry " + index;
            if ("DELETE".equals(entry.method())) {
                String type = BundleRequests.type(entry.url());
                // A DELETE of a joined type is handled in the joined pass, even in a Bundle without such resources.
                if (type != null && scope.inJoinedPass(type)) withJoined.add(f);
                if (Pass.ofDelete(type, scope) == pass && !handler.delete(entry.url(), pass)) report.unparsable(position);
                // An Encounter's elderly admission is removed where it is read: in the joined pass, in entry order.
                else if (pass == Pass.JOINED && type != null && scope.rereadWhenJoined(type)) handler.delete(entry.url(), pass);
                return;
            }
            // GET, HEAD and PATCH carry no resource the hub could read.
            if (entry.method() != null && !"POST".equals(entry.method()) && !"PUT".equals(entry.method())) return;
            String type = entry.resource() == null ? null : entry.resource().path("resourceType").asText(null);
            if (type == null || !reading.resourceTypes().contains(type)) {
                // An entry that is no object, has no resource object, is too large or of no known type.
                if (first) report.unparsable(position);
                return;
            }
            if (pass != Pass.JOINED && scope.inJoinedPass(type)) withJoined.add(f);
            if (!pass.wants(type, patientsFirst, scope)) return;
            boolean counts = pass.counts(type, patientsFirst, scope);
            if (!scope.parsed(type)) {
                // Valid input that maps to nothing (domain.md §6, "Counting"): counted, never parsed.
                if (counts) report.resource(type);
                return;
            }
            Resource parsed;
            try {
                parsed = (Resource) hapi.parseResource(reading.json().writeValueAsString(entry.resource()));
            } catch (RuntimeException | IOException e) {
                // HAPI's message quotes what it read: only the position is kept.
                if (counts) report.unparsable(position);
                return;
            }
            HapiResourceReader.read(parsed, resource);
            handler.handle(resource, entry.fullUrl(), index, position, pass);
        });
    }
}
