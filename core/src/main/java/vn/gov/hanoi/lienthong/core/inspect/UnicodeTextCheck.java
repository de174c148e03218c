package vn.gov.hanoi.lienthong.core.inspect;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.edxml.EdxmlReader;
import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;

/**
 * Article 7.1: text is Unicode per TCVN 6909:2001, which means UTF-8 (refused at intake otherwise) in
 * precomposed form (NFC), and not legacy TCVN3 or VNI text smuggled in as Latin-1 characters.
 */
@Component
@Order(30)
public class UnicodeTextCheck implements LegalityCheck {

    private static final int QUOTED = 60;

    private final EdxmlReader edxml;

    public UnicodeTextCheck(EdxmlReader edxml) {
        this.edxml = edxml;
    }

    @Override
    public List<Finding> check(InspectedDocument document) {
        List<Finding> findings = new ArrayList<>();
        for (EdxmlReader.TextField field : edxml.textFields(document.dom())) {
            if (!Normalizer.isNormalized(field.text(), Normalizer.Form.NFC)) {
                findings.add(Finding.refusal(ReasonCode.TEXT_NOT_NFC.with(field.path())));
            }
            Optional<LegacyVietnameseEncoding.Encoding> legacy = LegacyVietnameseEncoding.detect(field.text());
            legacy.ifPresent(encoding -> findings.add(Finding.refusal(ReasonCode.LEGACY_ENCODING.with(field.path(),
                    encoding.displayName(), quote(field.text())))));
        }
        return findings;
    }

    private static String quote(String text) {
        return text.length() <= QUOTED ? text : text.substring(0, QUOTED) + "…";
    }
}
