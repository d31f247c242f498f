package nl.verbeterhub.connector;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.verbeterhub.csv.CsvExtractReader;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.theme.Theme;
import nl.verbeterhub.theme.antistolling.AntistollingTheme;
import nl.verbeterhub.theme.diagnostiek.DiagnostiekTheme;
import nl.verbeterhub.theme.eigen.EigenTheme;
import nl.verbeterhub.theme.kwetsbaar.KwetsbaarTheme;

/** The settings only one connector type takes, typed. */
public sealed interface SourceSettings {

    /** What the connector's inbox holds: the settings its inbox route reads them with. */
    SourceSettings local();

    /**
     * @param recordType fixed by the connector, or empty to recognise each file's type from its header
     * @param columns canonical column name → the name this source uses
     */
    record Csv(Optional<RecordType> recordType, Charset charset, Map<String, String> columns) implements SourceSettings {

        public CsvExtractReader.Options options(long maxLineBytes) {
            return new CsvExtractReader.Options(charset, maxLineBytes, columns, recordType);
        }

        @Override
        public SourceSettings local() {
            return this;
        }
    }

    /**
     * @param patientIdentifierSystem when set, a record's patient is the Patient's identifier in this system
     *     (domain.md §6, "Identity"); else the subject reference
     * @param recordIdentifierSystem when set, a record's id is its identifier in this system, else its first
     * @param themes the further themes read as well (themes.md §0.6): none unless the connector lists them, so
     *     that an extract gives the drafts it gave before
     */
    record Fhir(Optional<String> patientIdentifierSystem, Optional<String> recordIdentifierSystem, Set<Theme> themes)
            implements SourceSettings {

        /** The themes a FHIR connector may list: VBI, NUCHTER and PIJN are always read. */
        public static final Set<Theme> LISTABLE = Set.of(KwetsbaarTheme.THEME, AntistollingTheme.THEME, DiagnostiekTheme.THEME, EigenTheme.THEME);
        /** How messages name {@link #LISTABLE}. */
        public static final String LISTABLE_NAMES = "KWETSBAAR, ANTISTOLLING, DIAGNOSTIEK and EIGEN";
        /** Declared after {@link #LISTABLE}, which its construction checks. */
        public static final Fhir DEFAULTS = new Fhir(Optional.empty(), Optional.empty());

        public Fhir {
            themes = Set.copyOf(themes);
            if (!LISTABLE.containsAll(themes)) throw new IllegalArgumentException("not a listable theme: " + themes);
        }

        public Fhir(Optional<String> patientIdentifierSystem, Optional<String> recordIdentifierSystem) {
            this(patientIdentifierSystem, recordIdentifierSystem, Set.of());
        }

        /** A listable theme by its name in any case (a connector file's {@code themes}, {@code validate --themes}). */
        public static Optional<Theme> listable(String name) {
            return name == null ? Optional.empty() : LISTABLE.stream().filter(t -> t.name().equalsIgnoreCase(name.strip()))
                    .findFirst();
        }

        public Fhir withThemes(Set<Theme> listed) {
            return new Fhir(patientIdentifierSystem, recordIdentifierSystem, listed);
        }

        @Override
        public SourceSettings local() {
            return this;
        }
    }

    /**
     * A FHIR R4 server searched every {@code pollInterval}, incrementally by {@code _lastUpdated} (or in
     * full, for a snapshot connector).
     *
     * @param pageSize {@code _count} of each search
     */
    record FhirServer(Fhir fhir, URI baseUrl, Duration pollInterval, RemoteAuth auth, int pageSize)
            implements SourceSettings {

        @Override
        public SourceSettings local() {
            return fhir;
        }
    }

    /**
     * A bulk {@code $export} kicked off every {@code pollInterval}.
     *
     * @param level {@code system}, {@code group} (of {@code group}) or {@code patient}
     * @param group the Group's id for a group-level export, else empty
     */
    record BulkExport(Fhir fhir, URI baseUrl, Duration pollInterval, RemoteAuth auth, String level,
                      Optional<String> group) implements SourceSettings {

        @Override
        public SourceSettings local() {
            return fhir;
        }

        /** The kick-off path relative to the base URL: {@code $export}, {@code Group/{id}/$export}, {@code Patient/$export}. */
        public String kickOffPath() {
            return switch (level) {
                case "group" -> "Group/" + group.orElseThrow() + "/$export";
                case "patient" -> "Patient/$export";
                default -> "$export";
            };
        }
    }

    /**
     * An SFTP folder polled every {@code pollInterval}; what is picked up lands in the local inbox, read
     * with {@code local} (CSV or FHIR settings). Secrets are named by their environment variables only.
     *
     * @param knownHosts an OpenSSH known_hosts file holding the server's host key; checking is never off
     */
    record Sftp(SourceSettings local, String host, int port, String path, String user, Optional<String> privateKeyEnv,
                Optional<String> passwordEnv, Path knownHosts, Duration pollInterval) implements SourceSettings {
    }
}
