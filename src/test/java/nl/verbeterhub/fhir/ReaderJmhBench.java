package nl.verbeterhub.fhir;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** The streaming reader on one pain Observation line and one anaesthesia Procedure line (bench/run.sh --jmh). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ReaderJmhBench {

    private static final byte[] PAIN = ("{\"resourceType\":\"Observation\",\"id\":\"m1\",\"meta\":{\"profile\":"
            + "[\"http://nictiz.nl/fhir/StructureDefinition/nl-core-PainScore\"]},\"status\":\"final\",\"identifier\":"
            + "[{\"system\":\"urn:oid:1.2.3\",\"value\":\"M-1\"}],\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\","
            + "\"code\":\"225908003\",\"display\":\"Pijnscore\"}]},\"method\":{\"coding\":[{\"system\":"
            + "\"urn:oid:2.16.840.1.113883.2.4.3.11.60.40.4.9.1\",\"code\":\"NRS\"}]},\"subject\":{\"reference\":\"Patient/p1\"},"
            + "\"effectiveDateTime\":\"2025-03-01T08:05:00+01:00\",\"valueQuantity\":{\"value\":4,\"unit\":\"score\"},"
            + "\"text\":{\"status\":\"generated\",\"div\":\"<div>pijn 4</div>\"}}").getBytes(StandardCharsets.UTF_8);
    private static final byte[] PROCEDURE = ("{\"resourceType\":\"Procedure\",\"id\":\"n1\",\"status\":\"completed\","
            + "\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"399097000\"}]},"
            + "\"subject\":{\"reference\":\"Patient/p1\"},\"encounter\":{\"reference\":\"Encounter/e1\"},"
            + "\"performedPeriod\":{\"start\":\"2025-06-02T10:00:00+02:00\",\"end\":\"2025-06-02T11:00:00+02:00\"},"
            + "\"extension\":[{\"url\":\"http://example.org/other\",\"valueString\":\"x\"}]}").getBytes(StandardCharsets.UTF_8);

    private final JsonResourceReader reader = new JsonResourceReader(java.util.Set.of("Observation", "Procedure", "Patient"));
    private final FhirResource into = new FhirResource();

    @Benchmark
    public Object painObservation() {
        return reader.read(PAIN, 0, PAIN.length, t -> true, into);
    }

    @Benchmark
    public Object anaesthesiaProcedure() {
        return reader.read(PROCEDURE, 0, PROCEDURE.length, t -> true, into);
    }
}
