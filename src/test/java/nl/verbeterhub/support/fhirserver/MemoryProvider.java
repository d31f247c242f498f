package nl.verbeterhub.support.fhirserver;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.param.UriOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;

/**
 * A search provider of one resource type over {@link MemoryStore}, honouring what the hub's pull asks:
 * {@code _id}, {@code code}, {@code category}, {@code class}, {@code type} (DocumentReference), {@code _profile},
 * {@code _lastUpdated} (at millisecond precision), {@code _include} of subject, encounter, part-of and a
 * report's based-on and result, and {@code _revinclude} of {@code Observation:part-of}. Paging ({@code _count}, {@code next}) is HAPI's own.
 */
public final class MemoryProvider implements IResourceProvider {

    private final Class<? extends Resource> type;
    private final MemoryStore store;

    MemoryProvider(Class<? extends Resource> type, MemoryStore store) {
        this.type = type;
        this.store = store;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return type;
    }

    @Search(allowUnknownParams = true)
    public IBundleProvider search(@OptionalParam(name = "_id") TokenOrListParam ids,
                                  @OptionalParam(name = "code") TokenOrListParam code,
                                  @OptionalParam(name = "category") TokenOrListParam category,
                                  @OptionalParam(name = "class") TokenOrListParam klass,
                                  @OptionalParam(name = "type") TokenOrListParam documentType,
                                  @OptionalParam(name = "_profile") UriOrListParam profile,
                                  @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
                                  @IncludeParam(allow = {"*"}) Set<Include> includes,
                                  @IncludeParam(reverse = true, allow = {"*"}) Set<Include> revIncludes) {
        List<Predicate<Resource>> tests = new ArrayList<>();
        if (ids != null) tests.add(r -> ids.getValuesAsQueryTokens().stream().anyMatch(t -> t.getValue().equals(r.getIdPart())));
        if (code != null) tests.add(r -> matches(code, codes(r)));
        if (category != null) tests.add(r -> r instanceof Procedure p && p.getCategory().getCoding().stream()
                .anyMatch(c -> matches(category, c)));
        if (klass != null) tests.add(r -> r instanceof Encounter e && matches(klass, e.getClass_()));
        if (documentType != null) tests.add(r -> r instanceof DocumentReference d && matches(documentType, d.getType().getCoding()));
        if (profile != null) tests.add(r -> r.getMeta().getProfile().stream().map(CanonicalType::getValue)
                .anyMatch(p -> profile.getValuesAsQueryTokens().stream().anyMatch(u -> u.getValue().equals(p))));
        if (lastUpdated != null) tests.add(r -> within(lastUpdated, r.getMeta().getLastUpdated()));
        List<? extends Resource> matched = store.all(type).stream().filter(r -> tests.stream().allMatch(t -> t.test(r))).toList();
        Map<String, IBaseResource> result = new LinkedHashMap<>();
        for (Resource r : matched) result.put(key(r), r);
        for (Resource r : matched) {
            for (Include include : includes) included(r, include.getValue()).forEach(i -> result.putIfAbsent(key(i), i));
            for (Include include : revIncludes) {
                if (include.getValue().equals("Observation:part-of")) {
                    store.all(Observation.class).stream()
                            .filter(o -> o.getPartOf().stream().anyMatch(ref -> idOf(ref).equals(r.getIdPart())))
                            .forEach(o -> result.putIfAbsent(key(o), o));
                }
            }
        }
        return new SimpleBundleProvider(new ArrayList<>(result.values()));
    }

    private static String key(Resource r) {
        return r.fhirType() + "/" + r.getIdPart();
    }

    private static List<Coding> codes(Resource r) {
        CodeableConcept code = r instanceof Observation o ? o.getCode() : r instanceof Procedure p ? p.getCode()
                : r instanceof Task t ? t.getCode() : r instanceof DiagnosticReport d ? d.getCode() : null;
        return code == null ? List.of() : code.getCoding();
    }

    private static boolean matches(TokenOrListParam param, List<Coding> codings) {
        return codings.stream().anyMatch(c -> matches(param, c));
    }

    private static boolean matches(TokenOrListParam param, Coding coding) {
        for (TokenParam t : param.getValuesAsQueryTokens()) {
            if (Objects.equals(t.getValue(), coding.getCode()) && (t.getSystem() == null || t.getSystem().equals(coding.getSystem()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean within(DateRangeParam range, Date updated) {
        if (range.getLowerBound() != null) {
            Date low = range.getLowerBound().getValue();
            boolean inclusive = range.getLowerBound().getPrefix() != ParamPrefixEnum.GREATERTHAN;
            if (inclusive ? updated.before(low) : !updated.after(low)) return false;
        }
        return true;
    }

    private List<Resource> included(Resource r, String include) {
        List<Reference> refs = new ArrayList<>();
        switch (include) {
            case "Observation:subject" -> { if (r instanceof Observation o) refs.add(o.getSubject()); }
            case "Observation:part-of" -> { if (r instanceof Observation o) refs.addAll(o.getPartOf()); }
            case "Encounter:subject" -> { if (r instanceof Encounter e) refs.add(e.getSubject()); }
            case "Procedure:subject" -> { if (r instanceof Procedure p) refs.add(p.getSubject()); }
            case "Procedure:encounter" -> { if (r instanceof Procedure p) refs.add(p.getEncounter()); }
            case "DiagnosticReport:subject" -> { if (r instanceof DiagnosticReport d) refs.add(d.getSubject()); }
            case "DiagnosticReport:based-on" -> { if (r instanceof DiagnosticReport d) refs.addAll(d.getBasedOn()); }
            case "DiagnosticReport:result" -> { if (r instanceof DiagnosticReport d) refs.addAll(d.getResult()); }
            default -> { }
        }
        List<Resource> found = new ArrayList<>();
        for (Reference ref : refs) {
            String reference = ref.getReference();
            if (reference == null || !reference.contains("/")) continue;
            String refType = reference.substring(0, reference.indexOf('/'));
            Resource target = store.get(refType, idOf(ref));
            if (target != null) found.add(target);
        }
        return found;
    }

    private static String idOf(Reference ref) {
        String reference = ref.getReference();
        if (reference == null) return "";
        String[] parts = reference.split("/");
        return parts.length >= 2 ? parts[1] : "";
    }
}
