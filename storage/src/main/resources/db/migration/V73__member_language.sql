-- The language TenFour writes to a member in ('en' or 'es'; null: not known, English). It follows
-- their platform's locale (Slack users.info, the Teams activity's locale) until they choose one
-- with `language es|en` (language_chosen), which the platform's locale never overrides.
alter table member add column language text check (language in ('en', 'es'));
alter table member add column language_chosen boolean not null default false;
