package vn.gov.hanoi.lienthong.core.directory;

/** How the hub hands documents and statuses to an agency's system. */
public enum Channel {
    /** The hub calls the agency's SOAP service (agency.wsdl) for each document and each status. */
    SOAP_PUSH("soap-push"),
    /** The hub posts each document and each status to the agency's REST endpoint (README, "REST push"). */
    REST_PUSH("rest-push"),
    /** The agency's system fetches pending documents itself (getPendingDocuments, getDocument). */
    PULL("pull"),
    /** No integrated system (Article 6.2b): the hub mails documents to the agency's official mailbox. */
    EMAIL("email");

    private final String configName;

    Channel(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    /** Whether the hub hands items over itself (the agency does not fetch them). */
    public boolean pushes() {
        return this != PULL;
    }

    /** Whether statuses on its documents are pushed to the agency (a pull agency reads getStatusHistory). */
    public boolean pushesStatuses() {
        return this != PULL;
    }

    /** Whether the agency's address is an endpoint of its own system (not its mailbox). */
    public boolean needsEndpoint() {
        return this == SOAP_PUSH || this == REST_PUSH;
    }

    public static Channel fromConfigName(String name) {
        for (Channel channel : values()) {
            if (channel.configName.equals(name)) return channel;
        }
        throw new IllegalArgumentException("unknown channel '" + name + "' (known: soap-push, rest-push, pull, email)");
    }
}
