package vn.gov.hanoi.lienthong.core.policy;

/** Why a delivery exists. */
public enum DeliveryPurpose {
    /** The sender addressed the document to this agency. */
    RECIPIENT,
    /** Article 5.2: a copy of a submission to the Government, for the city's clerical mailbox. */
    CLERICAL_COPY,
    /** Article 6.4: publication on the city portal. */
    PUBLICATION
}
