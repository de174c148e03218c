-- Article 9.3: what leaders and clerks follow. Of a document, what its envelope says that the tracking, the
-- registers and the reports read (written at dispatch, from the envelope inspection accepted); of each delivery
-- to a recipient, its deadline and the recipient's progress as its statuses report it, each step stamped the
-- first time it is reported (02 refused, 01 arrived, 03 registered with the incoming number, 04 assigned,
-- 05 being handled, 06 done), and the paper copy of Article 5.1 confirmed by the recipient's clerk.
alter table document add column type_number int;
alter table document add column type_name text;
alter table document add column code_number text;
alter table document add column promulgation_date date;
alter table document add column due_date date;
alter table document add column signer_name text;

-- The sender on the delivery too: what an agency sent is read from its deliveries' own indexes, without a join.
alter table delivery add column sender_organ_id text;
update delivery d set sender_organ_id = (select doc.sender_organ_id from document doc where doc.id = d.document_id);
alter table delivery add column delivered_at timestamptz;
update delivery d set delivered_at = (select min(t.at) from state_transition t
                                      where t.document_id = d.document_id and t.delivery_id = d.id and t.to_state = 'DELIVERED')
    where d.state = 'DELIVERED';
alter table delivery add column due_on date;
alter table delivery add column progress text;
alter table delivery add column arrived_at timestamptz;
alter table delivery add column registered_at timestamptz;
alter table delivery add column incoming_number text;
alter table delivery add column assigned_at timestamptz;
alter table delivery add column handling_at timestamptz;
alter table delivery add column done_at timestamptz;
alter table delivery add column refused_at timestamptz;
alter table delivery add column paper_confirmed_at timestamptz;
alter table delivery add column paper_confirmed_by text;

-- An agency's documents received, and sent, newest first (the id breaks ties, so that pages follow the index);
-- those still open by deadline (the overdue lists, the counts); those not answered at all.
create index delivery_recipient_created on delivery (recipient_organ_id, created_at, id);
create index delivery_sender_created on delivery (sender_organ_id, created_at, id);
-- (Their conditions are those of TrackingQueries.OPEN and UNANSWERED, written the same way.)
create index delivery_recipient_open_due on delivery (recipient_organ_id, due_on)
    where purpose = 'RECIPIENT' and state <> 'CANCELLED' and done_at is null and refused_at is null;
create index delivery_sender_open_due on delivery (sender_organ_id, due_on)
    where purpose = 'RECIPIENT' and state <> 'CANCELLED' and done_at is null and refused_at is null;
create index delivery_sender_unanswered on delivery (sender_organ_id)
    where purpose = 'RECIPIENT' and state <> 'CANCELLED' and progress is null;
-- An agency's documents sent, by when the hub received them (its reports).
create index document_sender_received on document (sender_organ_id, received_at);
