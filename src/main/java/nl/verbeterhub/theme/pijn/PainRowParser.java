package nl.verbeterhub.theme.pijn;

import java.math.BigDecimal;
import nl.verbeterhub.record.Checks;
import nl.verbeterhub.record.ReasonCode;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.record.Row;
import nl.verbeterhub.record.RowParser;
import nl.verbeterhub.record.RowResult;
import nl.verbeterhub.record.Values;
import nl.verbeterhub.time.LocalDateTimes;

/**
 * Pain rows, in table order: measured_at, scale ({@code UNKNOWN_SCALE}), value (whole numbers on NRS,
 * FLACC, PAINAD and COMFORT), vulnerable; then the value's range on its scale. The admission id is not
 * kept: no indicator uses it.
 */
public final class PainRowParser implements RowParser {

    private static final RecordType TYPE = PainTheme.PIJN;
    private static final int ID = PainTheme.PIJN.column("measurement_id");
    private static final int PATIENT = PainTheme.PIJN.column("patient_id");
    private static final int MEASURED_AT = PainTheme.PIJN.column("measured_at");
    private static final int SCALE = PainTheme.PIJN.column("scale");
    private static final int VALUE = PainTheme.PIJN.column("value");
    private static final int VULNERABLE = PainTheme.PIJN.column("vulnerable");

    private final PainScales scales;

    public PainRowParser(PainScales scales) {
        this.scales = scales;
    }

    @Override
    public RowResult parse(Row row) {
        String id = row.get(ID);
        RowResult.Rejected rejected = Checks.structural(row, TYPE, id);
        if (rejected != null) return rejected;

        if ((rejected = Checks.problem(row, TYPE, PATIENT, id)) != null) return rejected;
        long measuredAt = row.instant(MEASURED_AT);
        if (measuredAt == LocalDateTimes.UNPARSABLE) return reject(id, ReasonCode.UNPARSABLE, "measured_at");
        if ((rejected = Checks.problem(row, TYPE, SCALE, id)) != null) return rejected;
        PainScale scale = scales.find(row.get(SCALE));
        if (scale == null) return reject(id, ReasonCode.UNKNOWN_SCALE, "scale");
        BigDecimal value = Values.parseDecimal(row.get(VALUE));
        if (value == null) return reject(id, ReasonCode.UNPARSABLE, "value");
        value = value.stripTrailingZeros();
        if (scale.wholeNumbers() && value.scale() > 0) return reject(id, ReasonCode.UNPARSABLE, "value");
        boolean vulnerable = false;
        if (row.get(VULNERABLE) != null) {
            Boolean flag = Values.parseBoolean(row.get(VULNERABLE));
            if (flag == null) return reject(id, ReasonCode.UNPARSABLE, "vulnerable");
            vulnerable = flag;
        }

        if (!scale.inRange(value)) return reject(id, ReasonCode.OUT_OF_RANGE, "value");

        byte[] payload = new PainRecord(scale.name(), value, vulnerable).encode();
        return new RowResult.Accepted(id, row.get(PATIENT), measuredAt, payload);
    }

    private static RowResult.Rejected reject(String id, ReasonCode reason, String field) {
        return new RowResult.Rejected(id, reason, field);
    }
}
