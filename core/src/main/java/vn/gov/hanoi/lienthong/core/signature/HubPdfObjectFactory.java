package vn.gov.hanoi.lienthong.core.signature;

import eu.europa.esig.dss.pdf.PDFSignatureService;
import eu.europa.esig.dss.pdf.modifications.DefaultPdfDifferencesFinder;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxDefaultObjectFactory;

/**
 * How the hub has DSS read a PDF for validation: with {@link HubPdfSignatureService} (the revisions listed in
 * memory), and without DSS's visual comparison of the signed revision with the final one (each page rendered to
 * an image and compared pixel by pixel: most of a signed PDF's validation time under load, before). A change made
 * after signing is still found by the object-level comparison, which DSS keeps doing — one of DSS's documented
 * switches ("PAdES: performance downgrade" in its FAQ).
 */
class HubPdfObjectFactory extends PdfBoxDefaultObjectFactory {

    HubPdfObjectFactory() {
        DefaultPdfDifferencesFinder differences = new DefaultPdfDifferencesFinder();
        differences.setMaximalPagesAmountForVisualComparison(0);
        setPdfDifferencesFinder(differences);
    }

    @Override
    public PDFSignatureService newPAdESSignatureService() {
        return configure(new HubPdfSignatureService());
    }
}
