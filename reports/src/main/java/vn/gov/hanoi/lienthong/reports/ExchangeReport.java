package vn.gov.hanoi.lienthong.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The report on electronic exchange for a period (Articles 12.7, 16.8), for one agency or the whole city: what
 * every renderer (JSON, CSV, XLSX, PDF) writes, computed once by {@link ExchangeReportQuery}.
 *
 * @param organId           the agency reported on; null for the whole city
 * @param documentsSent     documents the hub received in the period and sent on (rejected ones apart)
 * @param documentsRejected documents the hub refused at inspection in the period
 * @param deliveriesReceived documents delivered to recipients (one per recipient) dispatched in the period
 * @param validlySigned     of the documents sent, those whose envelope signature verified (Articles 5.3, 7.3)
 * @param validlySignedShare validlySigned / documentsSent (0 when nothing was sent)
 */
public record ExchangeReport(LocalDate from, LocalDate to, String organId, String organName, Instant generatedAt,
                             long documentsSent, long documentsRejected, long deliveriesReceived, long validlySigned,
                             double validlySignedShare, List<ByType> byType, List<Paper> paper,
                             List<DeliveryTime> deliveryTimes, List<Failure> failures, List<Refusal> refusals,
                             long overdue, List<ByAgency> byAgency, List<OverTime> overTime, List<Agency> silentAgencies) {

    /** Sent and received, by document type of the official list. */
    public record ByType(Integer typeNumber, String typeName, long sent, long received) {
    }

    /** Deliveries by what the regulation required of them: paper to follow or electronic only, and the article. */
    public record Paper(String requirement, String article, long deliveries) {
    }

    /**
     * From dispatch to hand-over, per channel, in seconds to the millisecond: the median and the 95th percentile,
     * interpolated between the two nearest times (PostgreSQL's percentile_cont).
     */
    public record DeliveryTime(String channel, long delivered, double medianSeconds, double p95Seconds) {
    }

    /** Deliveries that failed, by channel and the cause their last attempt gave. */
    public record Failure(String channel, String cause, long deliveries) {
    }

    /** Documents refused at inspection, by reason code (a document refused for two reasons counts in both). */
    public record Refusal(String code, long documents) {
    }

    /** Per agency: documents it sent, documents delivered to it, and of those, the ones overdue there. */
    public record ByAgency(String organId, String name, long sent, long received, long overdue) {
    }

    /** Documents sent per month (or per day, for a period of two months or less). */
    public record OverTime(String period, long sent) {
    }

    public record Agency(String organId, String name) {
    }
}
