package vn.gov.hanoi.lienthong.core.inspect;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.edxml.EdxmlReader;
import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;

/** The envelope is valid against the edXML schema. */
@Component
@Order(10)
public class SchemaCheck implements LegalityCheck {

    private final EdxmlReader edxml;

    public SchemaCheck(EdxmlReader edxml) {
        this.edxml = edxml;
    }

    @Override
    public List<Finding> check(InspectedDocument document) {
        return edxml.schemaViolations(document.envelope()).stream()
                .map(violation -> Finding.refusal(ReasonCode.XSD_INVALID.with(violation)))
                .toList();
    }
}
