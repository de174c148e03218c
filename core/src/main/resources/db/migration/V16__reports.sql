-- The half-yearly and yearly reports (Articles 12.7, 16.8) read the document's signature verdict as a column
-- (written at dispatch) rather than out of the validation report's JSON, and read documents and deliveries by
-- period through the indexes below.
alter table document add column validly_signed boolean;
update document set validly_signed = coalesce((validation_report -> 'signature' ->> 'verdict') = 'VALID', false)
    where state = 'DISPATCHED';
-- The document's type on each delivery too: what was received, by type, without a join.
alter table delivery add column type_number int;
update delivery d set type_number = (select doc.type_number from document doc where doc.id = d.document_id);
-- Whether a recipient finished (06 or 02) after the document's due day: written once, when it finishes, so that
-- what was overdue in a period is read from a small partial index instead of every delivery of every year.
alter table delivery add column finished_late boolean;
update delivery set finished_late = ((coalesce(done_at, refused_at) at time zone 'Asia/Ho_Chi_Minh')::date > due_on)
    where due_on is not null and coalesce(done_at, refused_at) is not null;
create index delivery_overdue_due on delivery (due_on)
    where purpose = 'RECIPIENT' and state <> 'CANCELLED' and ((done_at is null and refused_at is null) or finished_late);
-- The report's passes over a period read these indexes only (index-only scans): no table row is visited.
create index document_received_covering on document (received_at) include (sender_organ_id, type_number, state, validly_signed);
create index delivery_created_covering on delivery (created_at)
    include (purpose, recipient_organ_id, state, type_number, paper_requirement, article, channel, delivered_at);
create index delivery_failed_created on delivery (created_at) where state = 'FAILED';
create index document_rejected_received on document (received_at) where state = 'REJECTED';
