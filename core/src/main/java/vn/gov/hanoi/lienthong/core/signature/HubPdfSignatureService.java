package vn.gov.hanoi.lienthong.core.signature;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.DSSException;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.pades.PAdESUtils;
import eu.europa.esig.dss.pades.validation.ByteRange;
import eu.europa.esig.dss.pades.validation.PdfByteRangeDocument;
import eu.europa.esig.dss.pades.validation.PdfRevision;
import eu.europa.esig.dss.pades.validation.PdfSignatureDictionary;
import eu.europa.esig.dss.pades.validation.PdfSignatureField;
import eu.europa.esig.dss.pades.validation.dss.PdfCompositeDssDictionary;
import eu.europa.esig.dss.pdf.PDFServiceMode;
import eu.europa.esig.dss.pdf.PdfDocDssRevision;
import eu.europa.esig.dss.pdf.PdfDocTimestampRevision;
import eu.europa.esig.dss.pdf.PdfDocumentReader;
import eu.europa.esig.dss.pdf.PdfDssDict;
import eu.europa.esig.dss.pdf.PdfSignatureDictionaryComparator;
import eu.europa.esig.dss.pdf.PdfSignatureRevision;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxSignatureService;
import eu.europa.esig.dss.pdf.pdfbox.visible.defaultdrawer.PdfBoxDefaultSignatureDrawerFactory;
import eu.europa.esig.dss.spi.DSSUtils;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DSS's PDFBox service for validating a PAdES signature, with its revision listing done on the bytes in memory.
 *
 * <p>{@link #getRevisions} is the one method DSS lets a caller replace for this ({@code ../shared/STACK.md}): DSS 6.2
 * builds the list of revisions by a per-byte scan of the whole file ({@link PdfRevisionEnds} says why that matters).
 * The rest of what this method decides is DSS's own rule, kept as DSS states it: the signature dictionaries, newest
 * first; each /ByteRange checked against /Contents and against the file's length; the signed revision read for its
 * DSS dictionary; the revision before each signature (the longest revision shorter than the signature's first part);
 * a document timestamp, a signature, or a dictionary of another kind skipped with a warning; a DSS revision recorded
 * wherever the DSS dictionary changes between revisions. The signature tests of the hub (a PDF signed once, twice,
 * changed after signing, with {@code %%EOF} inside a stream, damaged) hold it to DSS's verdicts.
 */
class HubPdfSignatureService extends PdfBoxSignatureService {

    private static final Logger LOG = LoggerFactory.getLogger(HubPdfSignatureService.class);

    HubPdfSignatureService() {
        super(PDFServiceMode.SIGNATURE, new PdfBoxDefaultSignatureDrawerFactory());
    }

    @Override
    public List<PdfRevision> getRevisions(DSSDocument document, char[] password) {
        Objects.requireNonNull(document, "DSSDocument shall be provided!");
        List<PdfByteRangeDocument> revisionsAtEachEof = revisionsAtEachEof(document);
        List<PdfRevision> revisions = new ArrayList<>();
        try (PdfDocumentReader reader = loadPdfDocumentReader(document, password)) {
            DssDictionaryChanges dssChanges = new DssDictionaryChanges(reader.getDSSDictionary(), revisions);
            List<Map.Entry<PdfSignatureDictionary, List<PdfSignatureField>>> newestFirst = reader.extractSigDictionaries()
                    .entrySet().stream()
                    .sorted(Map.Entry.<PdfSignatureDictionary, List<PdfSignatureField>>comparingByKey(
                            new PdfSignatureDictionaryComparator()).reversed())
                    .toList();
            for (Map.Entry<PdfSignatureDictionary, List<PdfSignatureField>> signature : newestFirst) {
                List<String> fieldNames = namesOf(signature.getValue());
                try {
                    addRevision(document, password, reader, signature.getKey(), signature.getValue(), fieldNames,
                            revisionsAtEachEof, dssChanges, revisions);
                } catch (Exception e) {
                    // As DSS does: one unreadable signature does not hide the others; DSS reports it as not found.
                    LOG.warn("Unable to parse signature {} . Reason : {}", fieldNames, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new DSSException(String.format("The document with name [%s] is either not accessible or not PDF compatible. Reason : [%s]",
                    document.getName(), e.getMessage()), e);
        } catch (DSSException e) {
            throw e;
        } catch (Exception e) {
            throw new DSSException("Cannot analyze signatures : " + e.getMessage(), e);
        }
        return revisions;
    }

    private void addRevision(DSSDocument document, char[] password, PdfDocumentReader reader, PdfSignatureDictionary dictionary,
                             List<PdfSignatureField> fields, List<String> fieldNames, List<PdfByteRangeDocument> revisionsAtEachEof,
                             DssDictionaryChanges dssChanges, List<PdfRevision> revisions) throws IOException {
        ByteRange byteRange = dictionary.getByteRange();
        DSSDocument signedContent = signedContent(document, dictionary, byteRange);
        if (signedContent == null) {
            LOG.warn("The signature '{}' has an invalid /ByteRange! The validation will result to a broken signature.", fieldNames);
            signedContent = InMemoryDocument.createEmptyDocument();
        }
        boolean coversWholeDocument = reader.isSignatureCoversWholeDocument(dictionary);

        try (PdfDocumentReader signedRevision = loadPdfDocumentReader(PAdESUtils.getRevisionContent(document, byteRange), password)) {
            if (!dictionary.checkConsistency(dictionaryOf(signedRevision, fieldNames))) {
                LOG.warn("The signature dictionary for signature {} is not consistent!", fieldNames);
            }
            dssChanges.seen(signedRevision.getDSSDictionary());
        } catch (Exception unreadable) {
            LOG.debug("Cannot read signature revision '{}' : {}", fieldNames, unreadable.getMessage());
        }

        DSSDocument previousRevision = PAdESUtils.getPreviousRevision(byteRange, revisionsAtEachEof);
        if (isDocTimestamp(dictionary)) {
            revisions.add(new PdfDocTimestampRevision(dictionary, fields, signedContent, previousRevision, coversWholeDocument));
        } else if (isSignature(dictionary)) {
            revisions.add(new PdfSignatureRevision(dictionary, dssChanges.composite,
                    dssChanges.anyRecorded() ? dssChanges.latest : null, fields, signedContent, previousRevision, coversWholeDocument));
        } else {
            LOG.warn("The entry {} is skipped. A signature dictionary entry with a type '{}' and subFilter '{}' is not "
                    + "acceptable configuration!", fieldNames, dictionary.getType(), dictionary.getSubFilter());
        }

        try (PdfDocumentReader before = loadPdfDocumentReader(previousRevision, password)) {
            dssChanges.seen(before.getDSSDictionary());
        } catch (Exception noRevisionBefore) {
            // The first revision has none before it (an empty document): nothing to compare, as in DSS.
        }
    }

    /**
     * What the signature covers: the bytes of its /ByteRange, when the range holds exactly the /Contents DSS read
     * (no signature wrapping) and lies whole within the file; null when it does not, and the signature is broken.
     */
    private DSSDocument signedContent(DSSDocument document, PdfSignatureDictionary dictionary, ByteRange byteRange) {
        boolean valid = validateByteRange(byteRange, document, dictionary.getContents());
        DSSDocument signedContent = null;
        if (valid) {
            signedContent = new PdfByteRangeDocument(document, byteRange);
            int expected = byteRange.getFirstPartEnd() - byteRange.getFirstPartStart() + byteRange.getSecondPartEnd();
            long actual = DSSUtils.getFileByteSize(signedContent);
            if (expected != actual) {
                LOG.warn("The length of the extracted signed content '{}' does not correspond to the content length "
                        + "defined by the ByteRange {} : {}!", actual, byteRange, expected);
                valid = false;
                signedContent = null;
            }
        }
        byteRange.setValid(valid);
        return signedContent;
    }

    private static PdfSignatureDictionary dictionaryOf(PdfDocumentReader revision, List<String> fieldNames) throws IOException {
        for (Map.Entry<PdfSignatureDictionary, List<PdfSignatureField>> entry : revision.extractSigDictionaries().entrySet()) {
            if (fieldNames.equals(namesOf(entry.getValue()))) return entry.getKey();
        }
        return null;
    }

    private static List<String> namesOf(List<PdfSignatureField> fields) {
        return fields.stream().map(PdfSignatureField::getFieldName).toList();
    }

    /** Each revision of the file: its first bytes up to each {@code %%EOF} and its end of line, found in memory. */
    private static List<PdfByteRangeDocument> revisionsAtEachEof(DSSDocument document) {
        PAdESUtils.assertPdfDocument(document);
        byte[] bytes = document instanceof InMemoryDocument inMemory ? inMemory.getBytes() : DSSUtils.toByteArray(document);
        List<PdfByteRangeDocument> revisions = new ArrayList<>();
        for (int end : PdfRevisionEnds.of(bytes)) {
            revisions.add(new PdfByteRangeDocument(document, new ByteRange(new int[] {0, end, end, 0})));
        }
        return revisions;
    }

    /**
     * The DSS dictionaries met while walking back through the revisions: all of them merged (what a signature's
     * validation data may come from), the file's own latest one, and a DSS revision recorded each time the dictionary
     * of an earlier revision differs from the one seen just after it.
     */
    private static final class DssDictionaryChanges {
        final PdfCompositeDssDictionary composite = new PdfCompositeDssDictionary();
        final PdfDssDict latest;
        private final List<PdfRevision> revisions;
        private PdfDssDict lastSeen;

        DssDictionaryChanges(PdfDssDict latest, List<PdfRevision> revisions) {
            this.latest = latest;
            this.revisions = revisions;
            this.lastSeen = latest;
            composite.populateFromDssDictionary(latest);
        }

        void seen(PdfDssDict earlier) {
            if (lastSeen != null && !lastSeen.equals(earlier)) {
                composite.populateFromDssDictionary(lastSeen);
                revisions.add(new PdfDocDssRevision(composite, lastSeen));
            }
            lastSeen = earlier;
        }

        boolean anyRecorded() {
            return revisions.stream().anyMatch(PdfDocDssRevision.class::isInstance);
        }
    }
}
