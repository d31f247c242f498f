package nl.verbeterhub.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;
import nl.verbeterhub.extract.DominantProblem;
import nl.verbeterhub.extract.ExtractCommit;
import nl.verbeterhub.extract.Rejection;
import nl.verbeterhub.extract.SourceReport;
import nl.verbeterhub.extract.TypeCounts;

/**
 * The human-readable summary of {@code validate} per extract: first where most records of a type were
 * rejected on one field for one reason, with the values' shape; for FHIR the resources read per type and
 * what was no parsable resource; then per record type records read, accepted and rejected by reason, and
 * where the first rejections are.
 */
final class Summary {

    private Summary() {
    }

    static void print(PrintStream err, String extract, ExtractCommit commit, List<Rejection> firstRejections) {
        for (DominantProblem p : commit.dominantProblems()) {
            err.printf("%s: most %s records rejected — %s%n", extract, p.type(), p.describe());
        }
        SourceReport report = commit.report();
        if (!report.isEmpty()) {
            err.printf("%s: resources read: %s%n", extract, report.resourcesRead().isEmpty() ? "none"
                    : report.resourcesRead().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                            .collect(Collectors.joining(", ")));
            if (report.unparsable() > 0) {
                err.printf("  %d line(s) or entr(y/ies) were no parsable resource: %s%s%n", report.unparsable(),
                        String.join(", ", report.firstUnparsable()),
                        report.unparsable() > report.firstUnparsable().size() ? ", …" : "");
            }
            if (report.removed() > 0) err.printf("  %d record(s) removed (entered-in-error, DELETE)%n", report.removed());
            if (report.transactionTime() != null) err.printf("  export transactionTime %s%n", report.transactionTime());
        }
        if (commit.counts().isEmpty()) err.printf("%s: no records%n", extract);
        commit.counts().forEach((type, counts) -> {
            err.printf("%s: %s, %d records read, %d accepted, %d rejected%n", extract, type, counts.read(),
                    counts.accepted(), counts.rejectedTotal());
            printReasons(err, counts);
        });
        for (Rejection r : firstRejections) {
            err.printf("  %s: %s%s%n", r.position(), r.reason(), r.field() == null ? "" : " (" + r.field() + ")");
        }
        long total = commit.counts().values().stream().mapToLong(TypeCounts::rejectedTotal).sum();
        if (total > firstRejections.size()) {
            err.printf("  … and %d more rejected records%n", total - firstRejections.size());
        }
    }

    private static void printReasons(PrintStream err, TypeCounts counts) {
        counts.rejectedByReason().forEach((reason, n) -> err.printf("  %-24s %d%n", reason, n));
    }
}
