package nl.verbeterhub.fhir;

import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue.ScalarType;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue.ValueType;

/**
 * HAPI's lenient parse without its logging: the default handler logs invalid values verbatim (domain.md
 * §5 forbids a parser's quote of its input in any log). What HAPI keeps of such a value is judged by the
 * hub's own strict checks, so nothing needs to be noted here.
 */
final class SilentErrorHandler implements IParserErrorHandler {

    @Override
    public void containedResourceWithNoId(IParseLocation location) {
    }

    @Override
    public void incorrectJsonType(IParseLocation location, String elementName, ValueType expected, ScalarType expectedScalar,
                                  ValueType found, ScalarType foundScalar) {
    }

    @Override
    public void invalidValue(IParseLocation location, String value, String error) {
    }

    @Override
    public void missingRequiredElement(IParseLocation location, String elementName) {
    }

    @Override
    public void unexpectedRepeatingElement(IParseLocation location, String elementName) {
    }

    @Override
    public void unknownAttribute(IParseLocation location, String attributeName) {
    }

    @Override
    public void unknownElement(IParseLocation location, String elementName) {
    }

    @Override
    public void unknownReference(IParseLocation location, String reference) {
    }

    @Override
    public void invalidInternalReference(IParseLocation location, String reference) {
    }

    @Override
    public void extensionContainsValueAndNestedExtensions(IParseLocation location) {
    }
}
