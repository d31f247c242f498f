package nl.verbeterhub.inbox;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The identifying values of a test input: every value of an id, patient, BSN, name or birth-date column
 * (five characters or more, so that the search is meaningful). Reads any delimiter, any encoding.
 */
final class Identifiers {

    private static final List<String> COLUMNS = List.of("registration_id", "patient_id", "procedure_id",
            "measurement_id", "admission_id", "bsn", "naam", "birth_date");

    private Identifiers() {
    }

    static Set<String> in(byte[] content) {
        Set<String> found = new HashSet<>();
        String text = new String(content, StandardCharsets.UTF_8).replace("\ufeff", "");
        String[] lines = text.split("\r?\n");
        if (lines.length == 0) return found;
        String separator = lines[0].contains(";") ? ";" : ",";
        String[] header = lines[0].split(separator, -1);
        for (int i = 1; i < lines.length; i++) {
            String[] values = lines[i].split(separator, -1);
            for (int c = 0; c < Math.min(header.length, values.length); c++) {
                String column = header[c].trim().toLowerCase(Locale.ROOT);
                String value = values[c].replace("\"", "").trim();
                if (COLUMNS.contains(column) && value.length() >= 5) found.add(value);
            }
        }
        return found;
    }
}
