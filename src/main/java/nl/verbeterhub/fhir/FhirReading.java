package nl.verbeterhub.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.verbeterhub.connector.SourceSettings;
import nl.verbeterhub.pseudonym.PseudonymSecret;
import org.hl7.fhir.r4.model.ResourceType;
import org.springframework.util.FileSystemUtils;

/**
 * What every FHIR extract of a hub shares: the one {@link FhirContext} (expensive to build, thread-safe),
 * the names of R4's resource types, the mapping, and where join stores go. Makes a
 * {@link FhirRecordSource} per extract.
 */
public final class FhirReading {

    /** Built on first use: an NDJSON export never needs it, and it costs a tenth of a second. */
    private static final class R4 {
        static final FhirContext CONTEXT = FhirContext.forR4Cached();
    }

    private final FhirMapping mapping;
    private final PseudonymSecret secret;
    private final int maxResourceBytes;
    private final Path tmp;
    /** From R4's enum: asking the context would build HAPI's model of every resource type (tens of MiB of heap). */
    private static final Set<String> RESOURCE_TYPES = Arrays.stream(ResourceType.values()).map(ResourceType::name)
            .collect(Collectors.toUnmodifiableSet());
    /**
     * No limit on a string's length: entries longer than {@code maxResourceBytes} are skipped unread
     * ({@link BundleFile}), and a long string elsewhere (an attachment) must not make a Bundle unusable.
     */
    private final ObjectMapper json = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build()).build());

    /**
     * @param maxResourceBytes an NDJSON line longer than this is no parsable resource
     * @param tmp where each extract's join store lives while it is read
     */
    public FhirReading(FhirMapping mapping, PseudonymSecret secret, int maxResourceBytes, Path tmp) {
        this.mapping = mapping;
        this.secret = secret;
        this.maxResourceBytes = maxResourceBytes;
        this.tmp = tmp;
        removeLeftJoinStores(tmp);
    }

    /** Join stores a crash left behind: their content is sealed and worthless, their disk is not. */
    private static void removeLeftJoinStores(Path tmp) {
        if (!Files.isDirectory(tmp)) return;
        try (Stream<Path> entries = Files.list(tmp)) {
            entries.filter(p -> p.getFileName().toString().startsWith(JoinStore.FOLDER_PREFIX))
                    .forEach(p -> FileSystemUtils.deleteRecursively(p.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The records of one extract of one connector. */
    public FhirRecordSource source(FhirExtract extract, String agb, SourceSettings.Fhir settings,
                                   EarlierPatients earlier) {
        return new FhirRecordSource(this, extract, agb, settings, earlier);
    }

    /** The records of one extract, for a connector without history (validate). */
    public FhirRecordSource source(FhirExtract extract, String agb, SourceSettings.Fhir settings) {
        return source(extract, agb, settings, EarlierPatients.NONE);
    }

    FhirMapping mapping() {
        return mapping;
    }

    PseudonymSecret secret() {
        return secret;
    }

    int maxResourceBytes() {
        return maxResourceBytes;
    }

    Path tmp() {
        return tmp;
    }

    Set<String> resourceTypes() {
        return RESOURCE_TYPES;
    }

    ObjectMapper json() {
        return json;
    }

    /** HAPI's JSON parser, never logging what it reads (its default error handler quotes invalid values). */
    IParser hapiParser() {
        return R4.CONTEXT.newJsonParser().setParserErrorHandler(new SilentErrorHandler());
    }
}
