-- A clerk's reply to a mailed document names the letter's Message-ID (In-Reply-To): the hub finds the
-- delivery by it to take the status the reply carries.
create index delivery_acknowledgement on delivery (acknowledgement) where acknowledgement is not null;
