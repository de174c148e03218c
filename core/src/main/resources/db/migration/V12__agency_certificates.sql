-- The certificates registered for agencies in the directory (signing: "certificates"; mutual TLS:
-- "clientCertificate") hold only their SHA-256 fingerprints there; the hub learns each one's subject and end the
-- first time the agency uses it (a document signed with it, a call over TLS presenting it), so that operators are
-- warned before it expires (alert CERTIFICATE_EXPIRING).
create table agency_certificate (
    organ_id     text        not null,
    sha256       char(64)    not null,
    usage        text        not null,
    subject      text        not null,
    not_after    timestamptz not null,
    first_seen   timestamptz not null,
    primary key (organ_id, sha256)
);
