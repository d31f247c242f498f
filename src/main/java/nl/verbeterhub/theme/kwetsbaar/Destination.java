package nl.verbeterhub.theme.kwetsbaar;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Discharge destinations of themes.md §1.1 (zib BestemmingCodelijst), named by their English code. Each
 * keeps a fixed id for the stored payload, so that the kept records do not depend on the declaration order.
 */
enum Destination {
    HOME(1, "home", "thuis"),
    NURSING_HOME(2, "nursing_home", "verpleeghuis"),
    REHABILITATION(3, "rehabilitation", "revalidatie"),
    HOSPICE(4, "hospice"),
    HOSPITAL(5, "hospital", "ziekenhuis"),
    PSYCHIATRIC_HOSPITAL(6, "psychiatric_hospital", "ggz"),
    DECEASED(7, "deceased", "overleden"),
    AGAINST_ADVICE(8, "against_advice", "tegen_advies"),
    OTHER(9, "other", "anders");

    private static final Map<String, Destination> BY_NAME = new HashMap<>();
    static {
        for (Destination d : values()) {
            for (String name : d.names) BY_NAME.put(name, d);
        }
    }

    private final byte id;
    private final String[] names;

    Destination(int id, String... names) {
        this.id = (byte) id;
        this.names = names;
    }

    byte id() {
        return id;
    }

    /** The English code, as configuration names it. */
    String code() {
        return names[0];
    }

    /** The destination of an English or Dutch name, case-insensitively; null when it is none. */
    static Destination parse(String value) {
        return BY_NAME.get(value.toLowerCase(Locale.ROOT));
    }

    static Destination ofId(byte id) {
        for (Destination d : values()) {
            if (d.id == id) return d;
        }
        throw new IllegalArgumentException("unknown destination id " + id);
    }
}
