-- The half-yearly and yearly reports (Articles 12.7, 16.8) read the document's signature verdict as a column
-- (written at dispatch) rather than out of the validation report's JSON, and scan documents and deliveries by
-- period through these indexes.
alter table document add column validly_signed boolean;
update document set validly_signed = coalesce((validation_report -> 'signature' ->> 'verdict') = 'VALID', false)
    where state = 'DISPATCHED';
create index document_received_at on document (received_at);
create index delivery_created_at on delivery (created_at) include (state, channel, recipient_organ_id);
