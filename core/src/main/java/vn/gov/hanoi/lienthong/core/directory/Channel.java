package vn.gov.hanoi.lienthong.core.directory;

/** How the hub hands documents and statuses to an agency's system. */
public enum Channel {
    /** The hub calls the agency's SOAP service (agency.wsdl) for each document and each status. */
    SOAP_PUSH("soap-push"),
    /** The agency's system fetches pending documents itself (getPendingDocuments, getDocument). */
    PULL("pull");

    private final String configName;

    Channel(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public boolean pushes() {
        return this != PULL;
    }

    public static Channel fromConfigName(String name) {
        for (Channel channel : values()) {
            if (channel.configName.equals(name)) return channel;
        }
        throw new IllegalArgumentException("unknown channel '" + name + "' (known: soap-push, pull)");
    }
}
