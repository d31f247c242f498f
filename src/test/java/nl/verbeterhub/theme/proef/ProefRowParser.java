package nl.verbeterhub.theme.proef;

import java.nio.ByteBuffer;
import nl.verbeterhub.record.Checks;
import nl.verbeterhub.record.ReasonCode;
import nl.verbeterhub.record.Row;
import nl.verbeterhub.record.RowParser;
import nl.verbeterhub.record.RowResult;
import nl.verbeterhub.time.LocalDateTimes;

/** A measurement: a timed instant, and whole minutes when given. */
final class ProefRowParser implements RowParser {

    private static final int ID = ProefTheme.PROEF.column("proef_id");
    private static final int PATIENT = ProefTheme.PROEF.column("patient_id");
    private static final int MEASURED = ProefTheme.PROEF.column("measured_at");
    private static final int MINUTES = ProefTheme.PROEF.column("minutes");

    @Override
    public RowResult parse(Row row) {
        String id = row.get(ID);
        RowResult.Rejected rejected = Checks.structural(row, ProefTheme.PROEF, id);
        if (rejected != null) return rejected;
        long at = Checks.timedInstant(row, MEASURED);
        if (at == LocalDateTimes.UNPARSABLE) return Checks.unparsable(ProefTheme.PROEF, id, MEASURED);
        long minutes = -1;
        if (row.get(MINUTES) != null) {
            if (!row.get(MINUTES).matches("[0-9]{1,6}")) return Checks.unparsable(ProefTheme.PROEF, id, MINUTES);
            minutes = Long.parseLong(row.get(MINUTES));
        }
        if (minutes > 1440) return new RowResult.Rejected(id, ReasonCode.OUT_OF_RANGE, "minutes");
        return new RowResult.Accepted(id, row.get(PATIENT), at, ByteBuffer.allocate(Long.BYTES).putLong(minutes).array());
    }
}
