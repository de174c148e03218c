package vn.gov.hanoi.lienthong.core.inspect;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.document.AttachmentRecord;
import vn.gov.hanoi.lienthong.core.policy.DocumentPolicy;
import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;
import vn.gov.hanoi.lienthong.core.signature.PdfHeader;

/**
 * What a PDF attachment holds beyond its pages, read once with PDFBox: a classification mark on its first page
 * (Article 1: refused, as the SecurityClassification field is) and active content — JavaScript, launch
 * actions, embedded files ({@link PdfActiveContent}): a warning the recipient sees, or a refusal where
 * config/policy.yaml says {@code active-content: refuse}.
 *
 * <p>PDFBox parses in memory, several times the file's size; a PDF larger than an eighth of the heap (the
 * bound of the signature check too) is only scanned for the names of active content, as a stream.
 */
@Component
@Order(45)
public class PdfContentCheck implements LegalityCheck {

    private static final Logger LOG = LoggerFactory.getLogger(PdfContentCheck.class);

    private final boolean refuseActiveContent;
    private final long maxPdfBytesToParse;

    @Autowired
    public PdfContentCheck(DocumentPolicy policy) {
        this(policy.refusesActiveContent(), Runtime.getRuntime().maxMemory() / 8);
    }

    PdfContentCheck(boolean refuseActiveContent, long maxPdfBytesToParse) {
        this.refuseActiveContent = refuseActiveContent;
        this.maxPdfBytesToParse = maxPdfBytesToParse;
    }

    @Override
    public List<Finding> check(InspectedDocument document) {
        List<Finding> findings = new ArrayList<>();
        for (AttachmentRecord attachment : document.attachments()) {
            try (InputStream in = new BufferedInputStream(document.open(attachment))) {
                in.mark(PdfHeader.LENGTH);
                if (!PdfHeader.startsWith(in.readNBytes(PdfHeader.LENGTH))) continue;
                in.reset();
                if (attachment.size() > maxPdfBytesToParse) {
                    activeContent(attachment, PdfActiveContent.scan(in), " — found by name in a PDF too large to parse")
                            .ifPresent(findings::add);
                    continue;
                }
                byte[] pdf = in.readAllBytes();
                try (PDDocument parsed = Loader.loadPDF(pdf)) {
                    firstPageText(parsed).flatMap(ClassificationMarks::inText).ifPresent(mark -> findings.add(
                            ClassificationCheck.refusal(document, mark, "the first page of '" + attachment.name() + "'")));
                    activeContent(attachment, PdfActiveContent.in(parsed.getDocument()), "").ifPresent(findings::add);
                } catch (IOException | RuntimeException unreadable) {
                    // Not a PDF PDFBox can read: whether the file may travel is ContentFormatCheck's call.
                    LOG.info("PDF '{}' of document {} could not be parsed for its content: {}", attachment.name(),
                            document.record().id(), unreadable.toString());
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return findings;
    }

    private Optional<Finding> activeContent(AttachmentRecord attachment, Set<String> kinds, String how) {
        if (kinds.isEmpty()) return Optional.empty();
        var reason = ReasonCode.ACTIVE_CONTENT.with(attachment.name(), String.join(", ", kinds) + how);
        return Optional.of(refuseActiveContent ? Finding.refusal(reason) : Finding.warning(reason));
    }

    private static Optional<String> firstPageText(PDDocument pdf) throws IOException {
        if (pdf.getNumberOfPages() == 0 || pdf.isEncrypted()) return Optional.empty();
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(1);
        stripper.setEndPage(1);
        return Optional.of(stripper.getText(pdf));
    }
}
