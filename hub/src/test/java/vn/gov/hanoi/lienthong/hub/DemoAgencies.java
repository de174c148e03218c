package vn.gov.hanoi.lienthong.hub;

/** The agencies of the demo directory (config/agencies.yaml), with their demo credentials. */
enum DemoAgencies {
    SO_NOI_VU("000.00.12.H26", "so-noi-vu", "demo-noivu-2026"),
    SO_TAI_CHINH("000.00.15.H26", "so-tai-chinh", "demo-taichinh-2026"),
    UBND_BA_DINH("000.01.01.H26", "ubnd-ba-dinh", "demo-badinh-2026"),
    VP_UBND("000.00.01.H26", "vp-ubnd", "demo-vanphong-2026");

    final String organId;
    final String username;
    final String secret;

    DemoAgencies(String organId, String username, String secret) {
        this.organId = organId;
        this.username = username;
        this.secret = secret;
    }
}
