package nl.verbeterhub.draft;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * RFC 8785 (JCS) serialisation for the values a draft holds: objects with members sorted by UTF-16 code
 * units, no insignificant whitespace, strings escaped as ECMAScript's JSON.stringify does, and numbers
 * in ECMAScript form. Draft numbers are integers and decimals of at most a few places, whose ECMAScript
 * form is their plain decimal form; anything else is refused rather than hashed wrongly.
 */
public final class CanonicalJson {

    /** Integers beyond 2^53 lose precision as ECMAScript numbers. */
    private static final BigDecimal MAX_SAFE = BigDecimal.valueOf(9007199254740991L);
    private static final BigDecimal MIN_PLAIN = new BigDecimal("0.000001");

    private CanonicalJson() {
    }

    public static String write(JsonNode node) {
        StringBuilder out = new StringBuilder(1024);
        write(node, out);
        return out.toString();
    }

    /** {@code sha256:} and the hex SHA-256 of the canonical form. */
    public static String sha256(JsonNode node) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(write(node).getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case NULL -> out.append("null");
            case BOOLEAN -> out.append(node.booleanValue());
            case STRING -> string(node.textValue(), out);
            case NUMBER -> number(node, out);
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) out.append(',');
                    write(node.get(i), out);
                }
                out.append(']');
            }
            case OBJECT -> {
                List<String> names = new ArrayList<>();
                for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                    names.add(it.next());
                }
                names.sort(String::compareTo); // UTF-16 code unit order, as RFC 8785 §3.2.3 requires
                out.append('{');
                for (int i = 0; i < names.size(); i++) {
                    if (i > 0) out.append(',');
                    string(names.get(i), out);
                    out.append(':');
                    write(node.get(names.get(i)), out);
                }
                out.append('}');
            }
            default -> throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        }
    }

    private static void number(JsonNode node, StringBuilder out) {
        if (node.isFloatingPointNumber() && !node.isBigDecimal()) {
            throw new IllegalArgumentException("binary floating point has no place in a draft");
        }
        BigDecimal value = node.decimalValue();
        if (value.signum() == 0) {
            out.append('0');
            return;
        }
        BigDecimal abs = value.abs();
        BigDecimal plain = value.stripTrailingZeros();
        boolean fraction = plain.scale() > 0;
        if (abs.compareTo(MAX_SAFE) > 0 || abs.compareTo(MIN_PLAIN) < 0 || (fraction && plain.precision() > 15)) {
            throw new IllegalArgumentException("number outside the range whose ECMAScript form is plain");
        }
        out.append(plain.toPlainString());
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
