package nl.verbeterhub.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import nl.verbeterhub.extract.ExtractCommit;
import nl.verbeterhub.extract.Rejection;
import nl.verbeterhub.extract.TypeCounts;

/** The human-readable per-file summary of {@code validate}: counts, reasons, and where the first rejections are. */
final class Summary {

    private Summary() {
    }

    static void print(PrintStream err, Path file, ExtractCommit commit, List<Rejection> firstRejections) {
        commit.counts().forEach((type, counts) -> {
            err.printf("%s: %s, %d records read, %d accepted, %d rejected%n", file, type, counts.read(),
                    counts.accepted(), counts.rejectedTotal());
            printReasons(err, counts);
        });
        for (Rejection r : firstRejections) {
            err.printf("  %s: %s%s%n", r.position(), r.reason(), r.field() == null ? "" : " (" + r.field() + ")");
        }
        long total = commit.counts().values().stream().mapToLong(TypeCounts::rejectedTotal).sum();
        if (total > firstRejections.size()) {
            err.printf("  … and %d more rejected lines%n", total - firstRejections.size());
        }
    }

    private static void printReasons(PrintStream err, TypeCounts counts) {
        counts.rejectedByReason().forEach((reason, n) -> err.printf("  %-24s %d%n", reason, n));
    }
}
