package vn.gov.hanoi.lienthong.testkit.people;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The people of the embedded demo's user file (config/users.yaml), with their demo secrets (README). */
public enum DemoPeople {
    OPERATOR("operator", "demo-operator-2026"),
    ADMIN("admin", "demo-admin-2026"),
    /** Reads records for an audit; never operates the hub. */
    AUDITOR("auditor", "demo-auditor-2026"),
    /** The archivist (lưu trữ): reads, certifies, exports and reclassifies the archive's documents. */
    LUUTRU("luutru", "demo-luutru-2026"),
    /** The auditor of the audit trail (kiểm toán), read-only. */
    KIEMTOAN("kiemtoan", "demo-kiemtoan-2026"),
    /** Compiles the city's reports on electronic exchange (the Department of Information and Communications). */
    REPORTER("baocao", "demo-baocao-2026"),
    /** The clerk (văn thư) and the leader (lãnh đạo) of each demo agency (config/users.yaml). */
    VANTHU_SONOIVU("vanthu-sonoivu", "demo-vanthu-2026"),
    LANHDAO_SONOIVU("lanhdao-sonoivu", "demo-lanhdao-2026"),
    VANTHU_SOTAICHINH("vanthu-sotaichinh", "demo-vanthu-2026"),
    LANHDAO_SOTAICHINH("lanhdao-sotaichinh", "demo-lanhdao-2026"),
    VANTHU_BADINH("vanthu-badinh", "demo-vanthu-2026"),
    LANHDAO_BADINH("lanhdao-badinh", "demo-lanhdao-2026"),
    VANTHU_VPUBND("vanthu-vpubnd", "demo-vanthu-2026"),
    LANHDAO_VPUBND("lanhdao-vpubnd", "demo-lanhdao-2026"),
    VANTHU_CONGTTDT("vanthu-congttdt", "demo-vanthu-2026");

    public final String username;
    public final String secret;

    DemoPeople(String username, String secret) {
        this.username = username;
        this.secret = secret;
    }

    /** The value of an HTTP {@code Authorization} header signing in as this person. */
    public String basicAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }
}
