package nl.verbeterhub.fhir;

import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import nl.verbeterhub.admission.Admissions;
import nl.verbeterhub.connector.SourceSettings;
import nl.verbeterhub.extract.Position;
import nl.verbeterhub.extract.RecordConsumer;
import nl.verbeterhub.extract.RecordSource;
import nl.verbeterhub.extract.SourceReport;
import nl.verbeterhub.extract.UnusableFileException;
import nl.verbeterhub.extract.UnusableFileException.Reason;
import nl.verbeterhub.pseudonym.Pseudonymizer;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.theme.antistolling.AntistollingTheme;
import nl.verbeterhub.theme.diagnostiek.DiagnostiekTheme;
import nl.verbeterhub.theme.eigen.EigenTheme;
import nl.verbeterhub.theme.kwetsbaar.KwetsbaarTheme;
import nl.verbeterhub.theme.nuchter.FastingTheme;
import nl.verbeterhub.theme.pijn.PainTheme;
import nl.verbeterhub.theme.vbi.VbiTheme;
import org.hl7.fhir.r4.model.Resource;

/**
 * One FHIR extract as a record source (domain.md §6): a bulk export's NDJSON files streamed line by line
 * with the fast reader, Bundles entry by entry with HAPI FHIR. Files are read in passes ({@link Pass}) so
 * that what the joins need is on disk in the join store before the records that need it; in a bulk
 * export, with one resource type per file, every line is still parsed once.
 */
public final class FhirRecordSource implements RecordSource {

    private static final String PROCEDURE = "Procedure";
    private static final int SOURCE_PSEUDONYM_CACHE = 4_096;

    private final FhirReading reading;
    private final FhirExtract extract;
    private final String agb;
    private final SourceSettings.Fhir settings;
    private final EarlierPatients earlier;
    private final JsonResourceReader json;
    private final FhirResource resource = new FhirResource();
    private final FhirReport report = new FhirReport();
    /** Files in which a pass before the last saw a resource the joined pass reads (in a bulk export: those files). */
    private final Set<FhirExtract.File> withJoined = new HashSet<>();
    private final FhirScope scope;
    private final BundleEntries bundles;
    /** NDJSON lines through HAPI's full parse instead of the streaming reader: the reference the tests compare with. */
    private boolean hapiForNdjson;

    FhirRecordSource(FhirReading reading, FhirExtract extract, String agb, SourceSettings.Fhir settings,
                     EarlierPatients earlier) {
        this.reading = reading;
        this.extract = extract;
        this.agb = agb;
        this.settings = settings;
        this.earlier = earlier;
        this.json = new JsonResourceReader(reading.resourceTypes());
        this.scope = new FhirScope(settings.themes());
        this.bundles = new BundleEntries(reading, report, withJoined, scope);
    }

    /**
     * Usable when every Bundle is valid JSON of a readable type and every non-empty NDJSON file has at
     * least one line that is a resource (else it is no NDJSON export at all: a binary, a CSV, a gzip).
     */
    @Override
    public Set<RecordType> open() throws UnusableFileException, IOException {
        for (FhirExtract.File f : extract.files()) {
            if (f.ndjson()) {
                verifyNdjson(f);
            } else {
                bundles.add(f);
            }
        }
        return scope.types();
    }

    private void verifyNdjson(FhirExtract.File f) throws UnusableFileException, IOException {
        boolean lines = false;
        try (NdjsonLines in = new NdjsonLines(f.path(), reading.maxResourceBytes())) {
            while (in.next()) {
                lines = true;
                if (!in.tooLong() && json.read(in.bytes(), in.offset(), in.length(), t -> true, resource)
                        == JsonResourceReader.Outcome.RESOURCE) {
                    return;
                }
            }
        }
        if (lines) throw new UnusableFileException(Reason.NOT_FHIR, f.name() + " has no line that is a FHIR resource");
    }

    @Override
    public void read(RecordConsumer consumer) throws IOException {
        boolean patientsFirst = settings.patientIdentifierSystem().isPresent();
        try (JoinStore join = JoinStore.open(reading.tmp())) {
            // Here only for Bundle patients and patient identifiers; the core pseudonymises the rest.
            Pseudonymizer pseudonyms = new Pseudonymizer(reading.secret(), SOURCE_PSEUDONYM_CACHE);
            bundles.aliases(join, pseudonyms, agb, patientsFirst);
            Subjects subjects = new Subjects(join, pseudonyms, agb, settings.patientIdentifierSystem(), earlier);
            ResourceHandler handler = new ResourceHandler(reading.mapping(), join, subjects, consumer, report, pseudonyms,
                    agb, settings.patientIdentifierSystem(), settings.recordIdentifierSystem(), scope);
            List<Pass> passes = patientsFirst ? List.of(Pass.PATIENTS, Pass.RECORDS, Pass.JOINED)
                    : List.of(Pass.RECORDS, Pass.JOINED);
            for (Pass pass : passes) {
                boolean first = pass == passes.get(0);
                for (FhirExtract.File f : extract.files()) {
                    if (pass == Pass.JOINED && !withJoined.contains(f)) continue;
                    if (f.ndjson()) ndjson(f, pass, first, patientsFirst, handler, consumer);
                    else bundles.read(f, pass, first, patientsFirst, handler, consumer);
                }
            }
        }
    }

    private void ndjson(FhirExtract.File f, Pass pass, boolean first, boolean patientsFirst, ResourceHandler handler,
                        RecordConsumer consumer) throws IOException {
        consumer.at(f.name(), extract.run() ? Position.Kind.RUN : Position.Kind.LINE);
        Predicate<String> wanted = t -> pass.wants(t, patientsFirst, scope);
        IParser hapi = hapiForNdjson ? reading.hapiParser() : null;
        try (NdjsonLines lines = new NdjsonLines(f.path(), reading.maxResourceBytes())) {
            while (lines.next()) line(f, lines, pass, first, patientsFirst, wanted, hapi, handler);
        }
    }

    /**
     * One NDJSON line in one pass: a method of its own, so that the JIT compiles the per-line work once
     * and keeps it from file to file (as the CSV source's batches do, docs/benchmarks.md).
     */
    private void line(FhirExtract.File f, NdjsonLines lines, Pass pass, boolean first, boolean patientsFirst,
                      Predicate<String> wanted, IParser hapi, ResourceHandler handler) {
        // A run counts its resources from 0; a file its lines from 1.
        long index = extract.run() ? lines.line() - 1 : lines.line();
        String position = extract.run() ? f.name() + ":index-" + index : f.name() + ":" + index;
        if (lines.tooLong()) {
            if (first) report.unparsable(position);
            return;
        }
        var outcome = hapi == null ? json.read(lines.bytes(), lines.offset(), lines.length(), wanted, resource)
                : hapiRead(hapi, lines, wanted);
        if (pass != Pass.JOINED && resource.resourceType != null && scope.inJoinedPass(resource.resourceType)) {
            withJoined.add(f);
        }
        switch (outcome) {
            case RESOURCE -> handler.handle(resource, null, index, position, pass);
            case SKIPPED -> {
                // read by another pass
            }
            case UNPARSABLE -> {
                // Counted once: by the first pass unless the failure came after a type another pass counts.
                boolean mine = resource.resourceType == null ? first : pass.counts(resource.resourceType, patientsFirst, scope);
                if (mine) report.unparsable(position);
            }
        }
    }

    private JsonResourceReader.Outcome hapiRead(IParser hapi, NdjsonLines lines, Predicate<String> wanted) {
        resource.clear();
        Resource parsed;
        try {
            // Strictly decoded, as the streaming reader refuses bytes that are no UTF-8.
            String line = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(lines.bytes(), lines.offset(), lines.length()))
                    .toString();
            parsed = (Resource) hapi.parseResource(line);
        } catch (RuntimeException | CharacterCodingException e) {
            return JsonResourceReader.Outcome.UNPARSABLE;
        }
        if (!wanted.test(parsed.fhirType())) {
            resource.resourceType = parsed.fhirType();
            return JsonResourceReader.Outcome.SKIPPED;
        }
        HapiResourceReader.read(parsed, resource);
        return JsonResourceReader.Outcome.RESOURCE;
    }

    /** Reads NDJSON with HAPI's full parse, as the reference the streaming reader is tested against. */
    FhirRecordSource withHapiForNdjson() {
        hapiForNdjson = true;
        return this;
    }

    /**
     * A snapshot FHIR extract is complete only for the record types of the resource types it held
     * (decision 50): a lone pain export removes no VBI registrations, whatever {@code snapshotYears} says.
     */
    @Override
    public Set<RecordType> snapshotTypes(Set<RecordType> opened) {
        Set<RecordType> held = new TreeSet<>();
        if (report.held("Observation")) held.add(PainTheme.PIJN);
        if (report.held(PROCEDURE)) {
            held.add(VbiTheme.VBI);
            held.add(FastingTheme.NUCHTER);
            held.add(AntistollingTheme.ANTISTOLLING);
        }
        if (report.held("Encounter")) {
            held.add(Admissions.ADMISSION);
            held.add(KwetsbaarTheme.KWETSBAAR);
        }
        if (report.held("DiagnosticReport")) held.add(DiagnostiekTheme.DIAGNOSTIEK);
        if (report.held("MeasureReport")) held.add(EigenTheme.EIGEN_MONTH);
        held.retainAll(opened);
        return held;
    }

    @Override
    public SourceReport report() {
        return report.toSourceReport(extract.transactionTime());
    }

    @Override
    public void close() {
        // Join stores are closed with each read; nothing else is held open.
    }
}
