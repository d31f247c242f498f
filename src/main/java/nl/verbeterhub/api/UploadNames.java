package nl.verbeterhub.api;

import java.util.Locale;
import nl.verbeterhub.connector.ConnectorType;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;

/**
 * The inbox name of a pushed extract. A name from a request is never a path: only its last segment is
 * kept, only letters, digits, {@code .}, {@code _} and {@code -}, no leading dot, at most 100 characters,
 * and it must end as the connector's type reads files ({@code .csv}; {@code .ndjson} or {@code .json}).
 */
final class UploadNames {

    private static final int MAX = 100;

    private UploadNames() {
    }

    /**
     * @param given the {@code filename} query parameter, or null
     * @param disposition the {@code Content-Disposition} header, or null
     * @param contentType the request's content type, or null
     */
    static String name(String given, String disposition, String contentType, ConnectorType type) {
        String name = given;
        if (name == null && disposition != null) {
            try {
                name = ContentDisposition.parse(disposition).getFilename();
            } catch (IllegalArgumentException e) {
                name = null;
            }
        }
        if (name == null || name.isBlank()) name = "upload" + extension(contentType, type);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[^A-Za-z0-9._-]", "_");
        if (name.length() > MAX) name = name.substring(name.length() - MAX);
        // After the cut: a leading dot hides a file from every inbox.
        name = name.replaceAll("^[.]+", "");
        String lower = name.toLowerCase(Locale.ROOT);
        boolean readable = type == ConnectorType.CSV_INBOX ? lower.endsWith(".csv")
                : lower.endsWith(".ndjson") || lower.endsWith(".json");
        if (!readable) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "a " + type.code()
                    + " connector reads " + (type == ConnectorType.CSV_INBOX ? ".csv files" : ".ndjson and .json (Bundle) files")
                    + "; name the upload with ?filename=…");
        }
        return name;
    }

    private static String extension(String contentType, ConnectorType type) {
        String t = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (t.startsWith("text/csv")) return ".csv";
        if (t.contains("ndjson")) return ".ndjson";
        if (t.contains("json")) return ".json";
        return type == ConnectorType.CSV_INBOX ? ".csv" : ".ndjson";
    }
}
