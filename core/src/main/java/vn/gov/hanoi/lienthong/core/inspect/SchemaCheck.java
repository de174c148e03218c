package vn.gov.hanoi.lienthong.core.inspect;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;

/** The envelope is valid against the edXML schema (validated once, by the inspection, for every check). */
@Component
@Order(10)
public class SchemaCheck implements LegalityCheck {

    @Override
    public List<Finding> check(InspectedDocument document) {
        return document.schemaViolations().stream()
                .map(violation -> Finding.refusal(ReasonCode.XSD_INVALID.with(violation)))
                .toList();
    }
}
