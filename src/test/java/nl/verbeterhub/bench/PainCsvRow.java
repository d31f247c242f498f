package nl.verbeterhub.bench;

import org.apache.camel.dataformat.bindy.annotation.CsvRecord;
import org.apache.camel.dataformat.bindy.annotation.DataField;

/** The Bindy model a Camel user would write for a pain export (ISO dialect: comma-separated). */
@CsvRecord(separator = ",", skipFirstLine = true, quote = "\"")
public class PainCsvRow {

    @DataField(pos = 1)
    public String measurementId;
    @DataField(pos = 2)
    public String patientId;
    @DataField(pos = 3)
    public String admissionId;
    @DataField(pos = 4)
    public String measuredAt;
    @DataField(pos = 5)
    public String scale;
    @DataField(pos = 6)
    public String value;
    @DataField(pos = 7)
    public String vulnerable;
}
