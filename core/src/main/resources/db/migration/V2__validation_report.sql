-- What inspection found (ValidationReport as JSON), kept with the document, quarantined ones included.
alter table document add column validation_report jsonb;
