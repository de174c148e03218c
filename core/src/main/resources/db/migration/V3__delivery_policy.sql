-- What the regulation decided for each delivery: why it exists (a recipient of the sender's, the clerical
-- copy of Article 5.2, the publication of Article 6.4), electronic only or paper to follow, and the article.
alter table delivery add column purpose text not null default 'RECIPIENT';
alter table delivery add column paper_requirement text;
alter table delivery add column article text;
alter table delivery add column note text;
