-- What the recipient's side answered when it took a pushed document: the portal's publication reference
-- over REST, the mail server's Message-ID for a mailed document. Evidence of hand-over, shown in the history.
alter table delivery add column acknowledgement text;
