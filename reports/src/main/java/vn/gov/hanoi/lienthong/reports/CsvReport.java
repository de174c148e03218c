package vn.gov.hanoi.lienthong.reports;

import java.io.IOException;
import java.io.StringWriter;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The report as CSV in long form — one row per number: table, the row's key, a second key where the table has
 * one, the measure, its value — so that a spreadsheet or a script reads every table the same way.
 */
final class CsvReport {

    private CsvReport() {
    }

    static String write(ExchangeReport r) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader("table", "key", "key2", "measure", "value").get())) {
            csv.printRecord("period", r.from(), r.to(), "organ", r.organId() == null ? "city" : r.organId());
            csv.printRecord("summary", "", "", "documentsSent", r.documentsSent());
            csv.printRecord("summary", "", "", "documentsRejected", r.documentsRejected());
            csv.printRecord("summary", "", "", "deliveriesReceived", r.deliveriesReceived());
            csv.printRecord("summary", "", "", "validlySigned", r.validlySigned());
            csv.printRecord("summary", "", "", "validlySignedShare", r.validlySignedShare());
            csv.printRecord("summary", "", "", "overdue", r.overdue());
            for (ExchangeReport.ByType t : r.byType()) {
                csv.printRecord("byType", t.typeNumber(), t.typeName(), "sent", t.sent());
                csv.printRecord("byType", t.typeNumber(), t.typeName(), "received", t.received());
            }
            for (ExchangeReport.Paper p : r.paper()) csv.printRecord("paper", p.requirement(), p.article(), "deliveries", p.deliveries());
            for (ExchangeReport.DeliveryTime t : r.deliveryTimes()) {
                csv.printRecord("deliveryTimes", t.channel(), "", "delivered", t.delivered());
                csv.printRecord("deliveryTimes", t.channel(), "", "medianSeconds", t.medianSeconds());
                csv.printRecord("deliveryTimes", t.channel(), "", "p95Seconds", t.p95Seconds());
            }
            for (ExchangeReport.Failure f : r.failures()) csv.printRecord("failures", f.channel(), f.cause(), "deliveries", f.deliveries());
            for (ExchangeReport.Refusal f : r.refusals()) csv.printRecord("refusals", f.code(), "", "documents", f.documents());
            for (ExchangeReport.ByAgency a : r.byAgency()) {
                csv.printRecord("byAgency", a.organId(), a.name(), "sent", a.sent());
                csv.printRecord("byAgency", a.organId(), a.name(), "received", a.received());
                csv.printRecord("byAgency", a.organId(), a.name(), "overdue", a.overdue());
            }
            for (ExchangeReport.OverTime t : r.overTime()) csv.printRecord("overTime", t.period(), "", "sent", t.sent());
            for (ExchangeReport.Agency a : r.silentAgencies()) csv.printRecord("silentAgencies", a.organId(), a.name(), "", "");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }
}
