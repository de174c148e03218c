-- Search over the archive (Article 16.5): a document's metadata and the text of its files (their text layer, or the
-- OCR of a scan), indexed off the hot path by the route archive-search-index. Words are PostgreSQL's 'simple'
-- configuration (lower-cased, no stemming: Vietnamese syllables are words); a second vector without diacritics, for a
-- search that ignores them ("chuyen doi" finds "chuyển đổi"). unaccent is a trusted extension: a database owner may
-- create it.
create extension if not exists unaccent;
-- unaccent() is only STABLE (it reads a dictionary); the index expressions and vectors need an IMMUTABLE one naming
-- its dictionary.
create or replace function lienthong_unaccent(text) returns text language sql immutable parallel safe strict
    as $$ select unaccent('unaccent'::regdictionary, $1) $$;

create table search_document (
    document_id      uuid        primary key references document (id),
    metadata         text        not null,
    body             text        not null,
    files            text        not null,
    indexed_at       timestamptz not null,
    words            tsvector    not null,
    words_unaccented tsvector    not null
);
create index search_document_words_idx on search_document using gin (words);
create index search_document_words_unaccented_idx on search_document using gin (words_unaccented);
