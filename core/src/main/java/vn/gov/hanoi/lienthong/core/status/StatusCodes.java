package vn.gov.hanoi.lienthong.core.status;

/** The edXML status codes of the national platform (../shared/domain/edxml.md). */
public final class StatusCodes {

    /** Arrived at the recipient's system. */
    public static final String ARRIVED = "01";
    /** Refused at receipt; the hub uses it, with reasons, for what it refuses itself. */
    public static final String REFUSED = "02";
    public static final String REGISTERED = "03";
    public static final String ASSIGNED = "04";
    public static final String IN_PROGRESS = "05";
    public static final String DONE = "06";

    private StatusCodes() {
    }

    /** The status's name as a clerk reads it. */
    public static String vietnameseName(String code) {
        return switch (code) {
            case ARRIVED -> "Đã đến hệ thống của cơ quan nhận";
            case REFUSED -> "Bị từ chối";
            case REGISTERED -> "Đã vào sổ văn bản đến";
            case ASSIGNED -> "Đã phân công xử lý";
            case IN_PROGRESS -> "Đang xử lý";
            case DONE -> "Đã hoàn thành";
            default -> "Trạng thái " + code;
        };
    }
}
