package nl.verbeterhub.extract;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where a record was in its extract (domain.md §2, "Rejections"): a physical line of a CSV or NDJSON
 * file, an entry of a Bundle (0-based, as FHIRPath counts {@code Bundle.entry[i]}), or a position within
 * a FHIR server run.
 *
 * @param file the file's name (for a run: the run's name)
 */
public record Position(String file, Kind kind, long index) {

    /** What {@code index} counts. */
    public enum Kind {
        /** A physical line, the first being 1. */
        LINE,
        /** A Bundle entry, the first being 0. */
        ENTRY,
        /** A resource's place in a server run, the first being 0. */
        RUN
    }

    public static Position line(String file, long line) {
        return new Position(file, Kind.LINE, line);
    }

    public static Position entry(String file, long entry) {
        return new Position(file, Kind.ENTRY, entry);
    }

    /** The position part of a rejection's key: {@code file:12}, {@code file:entry-3}, {@code run:index-7}. */
    public String key() {
        return switch (kind) {
            case LINE -> file + ":" + index;
            case ENTRY -> file + ":entry-" + index;
            case RUN -> file + ":index-" + index;
        };
    }

    /** {@code {"file": …, "line": n}}, {@code {"file": …, "entry": n}} or {@code {"run": …, "index": n}}. */
    public void write(ObjectNode position) {
        switch (kind) {
            case LINE -> position.put("file", file).put("line", index);
            case ENTRY -> position.put("file", file).put("entry", index);
            case RUN -> position.put("run", file).put("index", index);
        }
    }

    /** For people: {@code file line 12}, {@code file entry 3}. */
    @Override
    public String toString() {
        return switch (kind) {
            case LINE -> file + " line " + index;
            case ENTRY -> file + " entry " + index;
            case RUN -> file + " position " + index;
        };
    }
}
