-- The electronic registers of Decree 30/2020/NĐ-CP (Art. 15, 22): per agency, per register (incoming, outgoing)
-- and per year, numbers from 1 on 1 January, consecutive and unique in the year. The counter row is taken and
-- moved in the transaction that writes the entry, so that concurrent entries queue on it and a rolled-back one
-- gives its number back: no gap, no duplicate.
create table register_counter (
    organ_id    text not null,
    register    text not null,
    year        int  not null,
    last_number int  not null,
    primary key (organ_id, register, year)
);

-- One line of a register, with the columns of the decree's templates. document_id links it to the document on
-- the hub where there is one (a paper letter received by post is registered too).
create table register_entry (
    organ_id            text        not null,
    register            text        not null,
    year                int         not null,
    number              int         not null,
    document_id         uuid        references document (id),
    entered_at          timestamptz not null,
    issuing_organ       text,
    number_and_notation text,
    document_date       date,
    type_name           text,
    summary             text,
    handled_by          text,
    notes               text,
    entered_by          text        not null,
    primary key (organ_id, register, year, number)
);
create unique index register_entry_document on register_entry (organ_id, register, document_id) where document_id is not null;
create index register_entry_period on register_entry (organ_id, register, entered_at);
