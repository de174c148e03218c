package vn.gov.hanoi.lienthong.reports;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDFormContentStream;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * The report as a PDF a department can send up as it is (PDFBox): A4, DejaVu Sans embedded (every Vietnamese
 * letter; a PDF's standard fonts have none), the tables, and two vector charts — bars per agency, a line over time
 * — each a form XObject marked {@code /LienThongChart}. Drawn here rather than with a charting library because the
 * two charts are a few rectangles and lines, and a vector chart keeps its labels as text; JFreeChart would need a
 * Graphics2D-to-PDF bridge the stack does not have, or a raster image.
 */
final class PdfReport {

    /** The key of a chart's form XObject, and the name of the chart in it. */
    static final COSName CHART = COSName.getPDFName("LienThongChart");

    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final Color SENT = new Color(0x1f, 0x4e, 0x79);
    private static final Color RECEIVED = new Color(0x8b, 0xb1, 0xd9);

    private final PDDocument pdf;
    private final PDType0Font regular;
    private final PDType0Font bold;
    private PDPageContentStream page;
    private float y;

    private PdfReport(PDDocument pdf) throws IOException {
        this.pdf = pdf;
        this.regular = font(pdf, "fonts/DejaVuSans.ttf");
        this.bold = font(pdf, "fonts/DejaVuSans-Bold.ttf");
    }

    static byte[] write(ExchangeReport r) {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = pdf.getDocumentInformation();
            info.setTitle(ReportTexts.TITLE);
            info.setSubject((r.organId() == null ? ReportTexts.CITY : r.organName()) + ", " + r.from() + " — " + r.to());
            info.setCreator("Liên Thông");
            PdfReport writer = new PdfReport(pdf);
            writer.render(r);
            writer.page.close();
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void render(ExchangeReport r) throws IOException {
        newPage();
        text(bold, 16, ReportTexts.TITLE);
        text(regular, 11, "Đơn vị: " + (r.organId() == null ? ReportTexts.CITY : r.organName() + " (" + r.organId() + ")"));
        text(regular, 11, "Kỳ báo cáo: từ " + day(r.from()) + " đến " + day(r.to()));
        y -= 8;
        heading(ReportTexts.SUMMARY);
        rows(new float[] {330, 165}, null, List.of(
                new String[] {"Văn bản đã gửi điện tử", number(r.documentsSent())},
                new String[] {"Văn bản bị từ chối khi kiểm tra", number(r.documentsRejected())},
                new String[] {"Văn bản đã nhận điện tử (lượt nơi nhận)", number(r.deliveriesReceived())},
                new String[] {ReportTexts.SIGNED, percent(r.validlySignedShare()) + " (" + r.validlySigned() + "/" + r.documentsSent() + ")"},
                new String[] {ReportTexts.OVERDUE, number(r.overdue())}));
        heading(ReportTexts.BY_TYPE);
        rows(new float[] {295, 100, 100}, new String[] {"Loại văn bản", "Gửi", "Nhận"},
                r.byType().stream().map(t -> new String[] {t.typeName() == null ? "—" : t.typeName(), number(t.sent()), number(t.received())}).toList());
        heading(ReportTexts.PAPER);
        rows(new float[] {395, 100}, new String[] {"Yêu cầu", "Lượt nơi nhận"},
                r.paper().stream().map(p -> new String[] {ReportTexts.requirement(p.requirement(), p.article()), number(p.deliveries())}).toList());
        heading(ReportTexts.TIMES);
        rows(new float[] {155, 100, 120, 120}, new String[] {"Kênh", "Đã chuyển", "Trung vị", "P95"},
                r.deliveryTimes().stream().map(t -> new String[] {t.channel(), number(t.delivered()), seconds(t.medianSeconds()),
                        seconds(t.p95Seconds())}).toList());
        heading(ReportTexts.FAILURES);
        rows(new float[] {100, 295, 100}, new String[] {"Kênh", "Nguyên nhân", "Lượt"},
                r.failures().stream().map(f -> new String[] {f.channel(), f.cause(), number(f.deliveries())}).toList());
        heading(ReportTexts.REFUSALS);
        rows(new float[] {395, 100}, new String[] {"Lý do", "Văn bản"},
                r.refusals().stream().map(f -> new String[] {f.code(), number(f.documents())}).toList());
        heading(ReportTexts.BY_AGENCY);
        rows(new float[] {245, 80, 80, 90}, new String[] {"Cơ quan", "Gửi", "Nhận", "Quá hạn"},
                r.byAgency().stream().map(a -> new String[] {a.name(), number(a.sent()), number(a.received()), number(a.overdue())}).toList());
        chart(barsPerAgency(r.byAgency()), 260);
        heading(ReportTexts.OVER_TIME);
        chart(lineOverTime(r.overTime()), 200);
        if (r.organId() == null) {
            heading(ReportTexts.SILENT);
            if (r.silentAgencies().isEmpty()) text(regular, 10, "Không có.");
            for (ExchangeReport.Agency a : r.silentAgencies()) text(regular, 10, a.name() + " (" + a.organId() + ")");
        }
        text(regular, 8, "Lập bởi trục liên thông văn bản thành phố Hà Nội lúc "
                + java.time.format.DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy")
                        .format(r.generatedAt().atZone(vn.gov.hanoi.lienthong.core.calendar.WorkingCalendar.HANOI)));
    }

    /** Bars of sent and received per agency, labelled with the agency's name beneath, in a form of its own. */
    private PDFormXObject barsPerAgency(List<ExchangeReport.ByAgency> agencies) throws IOException {
        float height = 240;
        PDFormXObject form = form("byAgency", height);
        try (PDFormContentStream c = new PDFormContentStream(form)) {
            float left = 40, bottom = 70, top = height - 20;
            long max = Math.max(1, agencies.stream().mapToLong(a -> Math.max(a.sent(), a.received())).max().orElse(1));
            axes(c, left, bottom, top, max);
            float slot = (WIDTH - left - 30) / Math.max(1, agencies.size());
            float bar = Math.min(18, slot / 3);
            for (int i = 0; i < agencies.size(); i++) {
                ExchangeReport.ByAgency a = agencies.get(i);
                float x = left + i * slot + slot / 2 - bar;
                c.setNonStrokingColor(SENT);
                c.addRect(x, bottom, bar, (top - bottom) * a.sent() / max);
                c.fill();
                c.setNonStrokingColor(RECEIVED);
                c.addRect(x + bar, bottom, bar, (top - bottom) * a.received() / max);
                c.fill();
                c.setNonStrokingColor(Color.BLACK);
                label(c, fit(regular, 6, a.name(), 60), x, bottom - 8, -45);
            }
            legend(c, left, height - 10);
        }
        return form;
    }

    /** A line of documents sent per period, its points marked, in a form of its own. */
    private PDFormXObject lineOverTime(List<ExchangeReport.OverTime> points) throws IOException {
        float height = 180;
        PDFormXObject form = form("overTime", height);
        try (PDFormContentStream c = new PDFormContentStream(form)) {
            float left = 40, bottom = 40, top = height - 15;
            long max = Math.max(1, points.stream().mapToLong(ExchangeReport.OverTime::sent).max().orElse(1));
            axes(c, left, bottom, top, max);
            float step = points.size() > 1 ? (WIDTH - left - 50) / (points.size() - 1) : 0;
            c.setStrokingColor(SENT);
            c.setLineWidth(1.5f);
            for (int i = 0; i < points.size(); i++) {
                float x = left + 10 + i * step;
                float yy = bottom + (top - bottom) * points.get(i).sent() / max;
                if (i == 0) c.moveTo(x, yy); else c.lineTo(x, yy);
            }
            c.stroke();
            int every = Math.max(1, points.size() / 12);
            for (int i = 0; i < points.size(); i++) {
                float x = left + 10 + i * step;
                float yy = bottom + (top - bottom) * points.get(i).sent() / max;
                c.setNonStrokingColor(SENT);
                c.addRect(x - 2, yy - 2, 4, 4);
                c.fill();
                if (i % every == 0) {
                    c.setNonStrokingColor(Color.BLACK);
                    label(c, points.get(i).period(), x - 12, bottom - 12, 0);
                }
            }
        }
        return form;
    }

    private PDFormXObject form(String name, float height) {
        PDFormXObject form = new PDFormXObject(pdf);
        form.setBBox(new PDRectangle(WIDTH, height));
        form.setResources(new PDResources());
        form.getCOSObject().setString(CHART, name);
        return form;
    }

    private void axes(PDFormContentStream c, float left, float bottom, float top, long max) throws IOException {
        c.setStrokingColor(Color.GRAY);
        c.setLineWidth(0.5f);
        c.moveTo(left, bottom);
        c.lineTo(WIDTH, bottom);
        c.moveTo(left, bottom);
        c.lineTo(left, top);
        c.stroke();
        c.setNonStrokingColor(Color.BLACK);
        label(c, "0", left - 12, bottom - 3, 0);
        label(c, Long.toString(max), left - 6 - regular.getStringWidth(Long.toString(max)) / 1000 * 7, top - 3, 0);
    }

    private void legend(PDFormContentStream c, float x, float top) throws IOException {
        c.setNonStrokingColor(SENT);
        c.addRect(x, top - 6, 8, 8);
        c.fill();
        c.setNonStrokingColor(Color.BLACK);
        label(c, "Gửi", x + 12, top - 5, 0);
        c.setNonStrokingColor(RECEIVED);
        c.addRect(x + 50, top - 6, 8, 8);
        c.fill();
        c.setNonStrokingColor(Color.BLACK);
        label(c, "Nhận", x + 62, top - 5, 0);
    }

    private void label(PDFormContentStream c, String text, float x, float y, float degrees) throws IOException {
        c.beginText();
        c.setFont(regular, 7);
        c.setTextMatrix(Matrix.getRotateInstance(Math.toRadians(degrees), x, y));
        c.showText(text);
        c.endText();
    }

    private void chart(PDFormXObject form, float height) throws IOException {
        room(height + 10);
        y -= height;
        page.saveGraphicsState();
        page.transform(Matrix.getTranslateInstance(MARGIN, y));
        page.drawForm(form);
        page.restoreGraphicsState();
        y -= 10;
    }

    private void heading(String text) throws IOException {
        room(40);
        y -= 8;
        text(bold, 12, text);
    }

    /** A table: its header in bold (none for the summary), its rows, or "Không có." when it has none. */
    private void rows(float[] widths, String[] header, List<String[]> rows) throws IOException {
        if (header != null) line(widths, header, bold);
        for (String[] row : rows) line(widths, row, regular);
        if (rows.isEmpty()) text(regular, 9, "Không có.");
    }

    private void line(float[] widths, String[] cells, PDType0Font font) throws IOException {
        room(16);
        float x = MARGIN;
        for (int c = 0; c < cells.length; c++) {
            page.beginText();
            page.setFont(font, 9);
            page.newLineAtOffset(x, y - 10);
            page.showText(fit(font, 9, cells[c] == null ? "" : cells[c], widths[c] - 6));
            page.endText();
            x += widths[c];
        }
        y -= 14;
    }

    private void text(PDType0Font font, float size, String text) throws IOException {
        room(size + 8);
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(MARGIN, y - size);
        page.showText(fit(font, size, text, WIDTH));
        page.endText();
        y -= size + 6;
    }

    private void room(float needed) throws IOException {
        if (y - needed < MARGIN) newPage();
    }

    private void newPage() throws IOException {
        if (page != null) page.close();
        PDPage next = new PDPage(PDRectangle.A4);
        pdf.addPage(next);
        page = new PDPageContentStream(pdf, next);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    /** The text, cut with an ellipsis where it is wider than the room it has. */
    private static String fit(PDType0Font font, float size, String text, float room) {
        try {
            if (font.getStringWidth(text) / 1000 * size <= room) return text;
            String cut = text;
            while (!cut.isEmpty() && font.getStringWidth(cut + "…") / 1000 * size > room) cut = cut.substring(0, cut.length() - 1);
            return cut + "…";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static PDType0Font font(PDDocument pdf, String resource) throws IOException {
        try (InputStream in = PdfReport.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IOException("the report's font " + resource + " is not packed with the hub");
            return PDType0Font.load(pdf, in);
        }
    }

    private static String day(java.time.LocalDate day) {
        return String.format("%02d/%02d/%d", day.getDayOfMonth(), day.getMonthValue(), day.getYear());
    }

    private static String number(long n) {
        return String.format(Locale.forLanguageTag("vi"), "%,d", n);
    }

    private static String percent(double share) {
        return String.format(Locale.forLanguageTag("vi"), "%.1f %%", share * 100);
    }

    private static String seconds(double value) {
        return String.format(Locale.forLanguageTag("vi"), "%.1f giây", value);
    }
}
