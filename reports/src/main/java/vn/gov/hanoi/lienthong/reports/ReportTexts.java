package vn.gov.hanoi.lienthong.reports;

/**
 * The headings of the report as a department sends it up, in Vietnamese (the official language of the report;
 * the JSON and CSV keep machine names). One place, so the XLSX sheets and the PDF sections say the same.
 */
final class ReportTexts {

    static final String TITLE = "Báo cáo tình hình trao đổi văn bản điện tử";
    static final String CITY = "Toàn thành phố Hà Nội";
    static final String SUMMARY = "Tổng hợp";
    static final String BY_TYPE = "Văn bản gửi, nhận điện tử theo loại";
    static final String PAPER = "Văn bản cần gửi kèm bản giấy và căn cứ";
    static final String SIGNED = "Tỷ lệ văn bản có chữ ký số hợp lệ";
    static final String TIMES = "Thời gian chuyển văn bản theo kênh";
    static final String FAILURES = "Lần chuyển thất bại theo nguyên nhân";
    static final String REFUSALS = "Văn bản bị từ chối theo lý do";
    static final String OVERDUE = "Văn bản quá hạn xử lý";
    static final String BY_AGENCY = "Văn bản gửi, nhận theo cơ quan";
    static final String OVER_TIME = "Văn bản gửi theo thời gian";
    static final String SILENT = "Cơ quan không trao đổi văn bản trong kỳ";

    private ReportTexts() {
    }

    static String requirement(String requirement, String article) {
        String what = switch (requirement) {
            case "PAPER_TO_FOLLOW" -> "Gửi kèm bản giấy";
            case "ELECTRONIC_ONLY" -> "Chỉ gửi điện tử";
            default -> requirement;
        };
        return article == null || article.isBlank() ? what : what + " (Điều " + article + ")";
    }
}
