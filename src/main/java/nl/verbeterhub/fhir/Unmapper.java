package nl.verbeterhub.fhir;

import java.lang.reflect.Field;
import java.nio.MappedByteBuffer;

/** {@code Unsafe.invokeCleaner}, the JDK's way to unmap a buffer before the collector does (JDK 9+). */
final class Unmapper {
    private static final sun.misc.Unsafe UNSAFE = unsafe();

    private Unmapper() {
    }

    private static sun.misc.Unsafe unsafe() {
        try {
            Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return (sun.misc.Unsafe) f.get(null);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    static void unmap(MappedByteBuffer buffer) {
        if (UNSAFE != null) UNSAFE.invokeCleaner(buffer);
    }
}
