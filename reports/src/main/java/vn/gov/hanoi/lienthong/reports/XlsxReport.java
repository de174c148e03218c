package vn.gov.hanoi.lienthong.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The report as an XLSX workbook (Apache POI): a sheet per table, and the spreadsheet's own charts — bars per
 * agency, a line over time — drawn from the sheets' cells, so that a department can restyle or extend them.
 */
final class XlsxReport {

    private XlsxReport() {
    }

    static byte[] write(ExchangeReport r) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);

            XSSFSheet summary = book.createSheet(ReportTexts.SUMMARY);
            List<Object[]> lines = List.of(
                    new Object[] {ReportTexts.TITLE, ""},
                    new Object[] {"Đơn vị", r.organId() == null ? ReportTexts.CITY : r.organName() + " (" + r.organId() + ")"},
                    new Object[] {"Kỳ báo cáo", r.from() + " — " + r.to()},
                    new Object[] {"Văn bản đã gửi điện tử", r.documentsSent()},
                    new Object[] {"Văn bản bị từ chối", r.documentsRejected()},
                    new Object[] {"Văn bản đã nhận điện tử (lượt nơi nhận)", r.deliveriesReceived()},
                    new Object[] {"Văn bản có chữ ký số hợp lệ", r.validlySigned()},
                    new Object[] {ReportTexts.SIGNED, r.validlySignedShare()},
                    new Object[] {ReportTexts.OVERDUE, r.overdue()});
            for (int i = 0; i < lines.size(); i++) row(summary, i, lines.get(i));
            summary.getRow(0).getCell(0).setCellStyle(bold);

            table(book, bold, "Theo loại", new String[] {"Số loại", "Loại văn bản", "Gửi", "Nhận"}, r.byType(),
                    t -> new Object[] {t.typeNumber(), t.typeName(), t.sent(), t.received()});
            table(book, bold, "Bản giấy", new String[] {"Yêu cầu", "Điều", "Lượt nơi nhận"}, r.paper(),
                    p -> new Object[] {ReportTexts.requirement(p.requirement(), null), p.article(), p.deliveries()});
            table(book, bold, "Thời gian chuyển", new String[] {"Kênh", "Đã chuyển", "Trung vị (giây)", "P95 (giây)"}, r.deliveryTimes(),
                    t -> new Object[] {t.channel(), t.delivered(), t.medianSeconds(), t.p95Seconds()});
            table(book, bold, "Lỗi chuyển", new String[] {"Kênh", "Nguyên nhân", "Lượt"}, r.failures(),
                    f -> new Object[] {f.channel(), f.cause(), f.deliveries()});
            table(book, bold, "Từ chối", new String[] {"Mã lý do", "Văn bản"}, r.refusals(),
                    f -> new Object[] {f.code(), f.documents()});
            XSSFSheet agencies = table(book, bold, "Theo cơ quan", new String[] {"Mã cơ quan", "Cơ quan", "Gửi", "Nhận", "Quá hạn"},
                    r.byAgency(), a -> new Object[] {a.organId(), a.name(), a.sent(), a.received(), a.overdue()});
            XSSFSheet overTime = table(book, bold, "Theo thời gian", new String[] {"Kỳ", "Văn bản gửi"}, r.overTime(),
                    t -> new Object[] {t.period(), t.sent()});
            table(book, bold, "Không trao đổi", new String[] {"Mã cơ quan", "Cơ quan"}, r.silentAgencies(),
                    a -> new Object[] {a.organId(), a.name()});

            if (!r.byAgency().isEmpty()) barsPerAgency(agencies, r.byAgency().size());
            if (!r.overTime().isEmpty()) lineOverTime(overTime, r.overTime().size());
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Bars of documents sent and received per agency, from the sheet's columns C and D. */
    private static void barsPerAgency(XSSFSheet sheet, int rows) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 6, 1, 18, 24);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(ReportTexts.BY_AGENCY);
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis agencies = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis documents = chart.createValueAxis(AxisPosition.LEFT);
        documents.setCrosses(AxisCrosses.AUTO_ZERO);
        XDDFDataSource<String> names = XDDFDataSourcesFactory.fromStringCellRange(sheet, new CellRangeAddress(1, rows, 1, 1));
        XDDFNumericalDataSource<Double> sent = XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(1, rows, 2, 2));
        XDDFNumericalDataSource<Double> received = XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(1, rows, 3, 3));
        XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, agencies, documents);
        bars.setBarDirection(BarDirection.COL);
        XDDFChartData.Series sentSeries = bars.addSeries(names, sent);
        sentSeries.setTitle("Gửi", null);
        XDDFChartData.Series receivedSeries = bars.addSeries(names, received);
        receivedSeries.setTitle("Nhận", null);
        chart.plot(bars);
    }

    /** A line of documents sent per month (or day), from the sheet's column B. */
    private static void lineOverTime(XSSFSheet sheet, int rows) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 3, 1, 15, 20);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(ReportTexts.OVER_TIME);
        chart.setTitleOverlay(false);
        XDDFCategoryAxis periods = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis documents = chart.createValueAxis(AxisPosition.LEFT);
        documents.setCrosses(AxisCrosses.AUTO_ZERO);
        XDDFDataSource<String> labels = XDDFDataSourcesFactory.fromStringCellRange(sheet, new CellRangeAddress(1, rows, 0, 0));
        XDDFNumericalDataSource<Double> sent = XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(1, rows, 1, 1));
        XDDFLineChartData line = (XDDFLineChartData) chart.createData(ChartTypes.LINE, periods, documents);
        XDDFChartData.Series series = line.addSeries(labels, sent);
        series.setTitle("Văn bản gửi", null);
        chart.plot(line);
    }

    private static <T> XSSFSheet table(XSSFWorkbook book, CellStyle bold, String name, String[] header, List<T> rows,
                                       Function<T, Object[]> cells) {
        XSSFSheet sheet = book.createSheet(name);
        XSSFRow first = row(sheet, 0, header);
        first.forEach(cell -> cell.setCellStyle(bold));
        for (int i = 0; i < rows.size(); i++) row(sheet, i + 1, cells.apply(rows.get(i)));
        for (int c = 0; c < header.length; c++) sheet.setColumnWidth(c, c == 1 ? 40 * 256 : 16 * 256);
        return sheet;
    }

    private static XSSFRow row(XSSFSheet sheet, int index, Object[] values) {
        XSSFRow row = sheet.createRow(index);
        for (int c = 0; c < values.length; c++) {
            Object value = values[c];
            if (value instanceof Number number) row.createCell(c).setCellValue(number.doubleValue());
            else row.createCell(c).setCellValue(value == null ? "" : value.toString());
        }
        return row;
    }
}
