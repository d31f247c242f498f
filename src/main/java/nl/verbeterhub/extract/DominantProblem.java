package nl.verbeterhub.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import nl.verbeterhub.record.Column;
import nl.verbeterhub.record.ReasonCode;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.record.Row;

/**
 * Most of an extract's records of one type rejected on one field for one reason (at least
 * {@value #MIN_SHARE_PERCENT}% of the records read of the type, and at least {@value #MIN_COUNT}): what
 * the extract's report says first, with the {@linkplain ValueShape shape} of the values and never the
 * values — {@code measured_at: 2,980 of 3,000 rows UNPARSABLE, values shaped dd/dd/dd dd:dd AM}.
 *
 * @param field the rejected field, or null for a reason without one ({@code MALFORMED_ROW})
 * @param count the records rejected so
 * @param of the records of the type read
 * @param shape the most frequent shape among the first {@value #SHAPED} of these rejections' values, or
 *        null when they have no value (a missing field, a rejection the source made before a row)
 */
public record DominantProblem(RecordType type, String field, ReasonCode reason, long count, long of, String shape) {

    public static final int MIN_SHARE_PERCENT = 50;
    public static final long MIN_COUNT = 10;
    /** How many rejections of one type, field and reason have their value's shape counted: memory is bounded. */
    public static final int SHAPED = 1_000;

    public DominantProblem {
        Objects.requireNonNull(type);
        Objects.requireNonNull(reason);
    }

    /** {@code measured_at: 2,980 of 3,000 rows UNPARSABLE, values shaped dd/dd/dd dd:dd AM} */
    public String describe() {
        return (field == null ? "" : field + ": ") + String.format(Locale.ROOT, "%,d of %,d rows %s", count, of, reason)
                + (shape == null ? "" : ", values shaped " + shape);
    }

    /** Counts an extract's rejections per type, field and reason while it is read, with their values' shapes. */
    static final class Finder {
        private record Key(RecordType type, String field, ReasonCode reason) {
        }

        private static final class Tally {
            long count;
            int shaped;
            final Map<String, Integer> shapes = new LinkedHashMap<>();
        }

        private final Map<Key, Tally> tallies = new HashMap<>();

        /** A rejection; {@code row} is null when the source rejected the record before it was a row. */
        void rejected(RecordType type, String field, ReasonCode reason, Row row) {
            Tally tally = tallies.computeIfAbsent(new Key(type, field, reason), k -> new Tally());
            tally.count++;
            if (tally.shaped < SHAPED && row != null && field != null) {
                tally.shaped++;
                String shape = ValueShape.of(value(type, field, row));
                if (shape != null) tally.shapes.merge(shape, 1, Integer::sum);
            }
        }

        private static String value(RecordType type, String field, Row row) {
            List<Column> columns = type.columns();
            for (int i = 0; i < columns.size() && i < row.width(); i++) {
                if (columns.get(i).name().equals(field)) return row.get(i);
            }
            return null;
        }

        /** The dominant problems, most records first. */
        List<DominantProblem> result(Map<RecordType, TypeCounts> counts) {
            List<DominantProblem> found = new ArrayList<>();
            tallies.forEach((key, tally) -> {
                TypeCounts of = counts.get(key.type());
                if (of == null || tally.count < MIN_COUNT || tally.count * 100 < of.read() * MIN_SHARE_PERCENT) return;
                String shape = null;
                int most = 0;
                for (Map.Entry<String, Integer> e : tally.shapes.entrySet()) {
                    if (e.getValue() > most) {
                        most = e.getValue();
                        shape = e.getKey();
                    }
                }
                found.add(new DominantProblem(key.type(), key.field(), key.reason(), tally.count, of.read(), shape));
            });
            found.sort(Comparator.comparingLong(DominantProblem::count).reversed()
                    .thenComparing(DominantProblem::type).thenComparing(p -> p.reason().ordinal()));
            return List.copyOf(found);
        }
    }
}
