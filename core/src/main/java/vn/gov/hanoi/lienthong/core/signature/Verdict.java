package vn.gov.hanoi.lienthong.core.signature;

/** What the hub concludes of an envelope's signature. */
public enum Verdict {
    /** The envelope carries no signature: legal, but Articles 5.3 and 7.3 do not apply. */
    UNSIGNED,
    /** Intact, by a certificate that chains to a trust anchor, valid and not revoked, allowed to sign. */
    VALID,
    /** The signature does not match the envelope: it was changed after signing, or the signature is malformed. */
    TAMPERED,
    EXPIRED,
    REVOKED,
    /** The certificate does not chain to any of the hub's trust anchors. */
    UNTRUSTED,
    /** The certificate's key usage does not allow signing documents. */
    WRONG_KEY_USAGE,
    /** Revocation could not be checked (responder and CRL unreachable): neither accepted nor refused yet. */
    INDETERMINATE
}
