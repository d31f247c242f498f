package nl.verbeterhub.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import nl.verbeterhub.theme.pijn.PainScale;
import nl.verbeterhub.theme.pijn.PainScales;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the package graph as docs/architecture.md ("Packages") draws it: no cycles between packages, and
 * each layer uses only the layers below it. A theme is a package that knows records and state, never how
 * extracts arrive or where drafts go.
 */
class PackageStructureTests {

    private static JavaClasses hub;

    @BeforeAll
    static void importHub() {
        hub = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.verbeterhub");
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching("nl.verbeterhub.(*)..").should().beFreeOfCycles().check(hub);
    }

    @Test
    void themesDoNotKnowEachOther() {
        slices().matching("nl.verbeterhub.theme.(*)..").should().notDependOnEachOther().check(hub);
    }

    /**
     * A theme is its package (decision 99): nothing outside it names it except FHIR reading, which maps
     * resources to its rows (fhir, remote searches, the connectors' {@code themes} list). Pain scales are
     * configured under hub.pain (domain.md §8), so configuration and start-up know them.
     */
    @Test
    void onlyFhirReadingNamesASingleTheme() {
        noClasses().that().resideOutsideOfPackages("nl.verbeterhub.theme..", "nl.verbeterhub.admission..",
                        "nl.verbeterhub.fhir..", "nl.verbeterhub.remote..", "nl.verbeterhub.connector..")
                .should().dependOnClassesThat(resideInAnyPackage("nl.verbeterhub.theme.*..", "nl.verbeterhub.admission..")
                        .and(not(belongToAnyOf(PainScales.class, PainScale.class))))
                .check(hub);
    }

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("base").definedBy("nl.verbeterhub.json..", "nl.verbeterhub.time..", "nl.verbeterhub.record..",
                        "nl.verbeterhub.pseudonym..")
                .layer("state").definedBy("nl.verbeterhub.state..")
                .layer("themes").definedBy("nl.verbeterhub.theme..", "nl.verbeterhub.admission..")
                .layer("ingest").definedBy("nl.verbeterhub.extract..")
                .layer("sources").definedBy("nl.verbeterhub.csv..", "nl.verbeterhub.connector..", "nl.verbeterhub.fhir..")
                .layer("publishing").definedBy("nl.verbeterhub.kafka..", "nl.verbeterhub.draft..",
                        "nl.verbeterhub.metrics..", "nl.verbeterhub.config..")
                .layer("runtime").definedBy("nl.verbeterhub.failure..", "nl.verbeterhub.status..", "nl.verbeterhub.inbox..",
                        "nl.verbeterhub.remote..", "nl.verbeterhub.ops..", "nl.verbeterhub.health..", "nl.verbeterhub.access..",
                        "nl.verbeterhub.api..", "nl.verbeterhub.console..", "nl.verbeterhub.cli..", "nl.verbeterhub.app..")
                .whereLayer("base").mayOnlyAccessLayers("base")
                .whereLayer("state").mayOnlyAccessLayers("base")
                .whereLayer("themes").mayOnlyAccessLayers("base", "state")
                .whereLayer("ingest").mayOnlyAccessLayers("base", "state", "themes")
                .whereLayer("sources").mayOnlyAccessLayers("base", "state", "themes", "ingest")
                .whereLayer("publishing").mayOnlyAccessLayers("base", "state", "themes", "ingest", "sources")
                .check(hub);
    }
}
