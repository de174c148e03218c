-- The door's admission control counts the documents still in the pipeline at every few hundred milliseconds
-- (IntakeAdmission): the count reads this small index, not the whole table of documents ever received.
create index document_in_pipeline_idx on document (state) where state in ('RECEIVED', 'ACCEPTED', 'RECORDED');
