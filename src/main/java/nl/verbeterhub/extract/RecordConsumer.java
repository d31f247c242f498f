package nl.verbeterhub.extract;

import java.util.Set;
import nl.verbeterhub.record.ReasonCode;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.record.Row;

/** What a {@link RecordSource} hands its records to; implemented by the ingest core. */
public interface RecordConsumer {

    /** The records that follow come from this file, their positions counted as {@code kind}. */
    void at(String file, Position.Kind kind);

    /**
     * One record of the extract, checked and kept (or rejected) by the core.
     *
     * @param index its position in the current file
     * @param resourceType the FHIR resource it came from; null for CSV
     * @param secondOfResource whether the resource gave another record before this one (an Encounter's elderly
     *                         admission, a Procedure's anticoagulation): its rejection's key then names its
     *                         type, so that one resource's two rejections never share a key
     */
    void record(RecordType type, Row row, long index, String resourceType, boolean secondOfResource);

    /**
     * A record the source rejects before it is a row (FHIR: its status is missing or no status of its
     * resource); counted, published and, for a snapshot, contained like any rejected record.
     *
     * @param recordId as delivered, or null when it has none
     */
    void reject(RecordType type, String recordId, ReasonCode reason, String field, long index, String resourceType,
                boolean secondOfResource);

    /**
     * Which patient a Patient of this connector is, kept for later extracts that refer to it without
     * repeating it ({@link PatientLinks}); not a record.
     *
     * @param canonicalPatient {@code Patient/{id}}
     * @param patientPseudonym the pseudonym of its identifier in the connector's patient identifier system
     */
    void link(String canonicalPatient, byte[] patientPseudonym);

    /**
     * A record the source says is gone (FHIR {@code entered-in-error}, a Bundle {@code DELETE}), of
     * whichever of these types it is: one removal in the extract's report, however many types are tried.
     */
    void remove(Set<RecordType> types, String recordId);

    /**
     * The same removal once more, for another record type of the same resource (an Encounter's elderly
     * admission, read in a later pass; a VBI's anticoagulation): removes, but is no further removal in the
     * extract's report.
     */
    void removeAgain(Set<RecordType> types, String recordId);

    default void remove(RecordType type, String recordId) {
        remove(Set.of(type), recordId);
    }
}
