-- Stress-continuum check-ins (issue 19): an agency may ask where members are on the stress
-- continuum (ready, reacting, injured, ill) instead of the three simple answers. The colour is kept
-- only as a count per agency and week: never with the member or the check-in, and never written in
-- the transaction that records the check-in's answer. The check-in itself records only that it was
-- answered on the continuum ('continuum'), the same for every colour.
--
-- The count is written first, in a transaction of its own, then the answer. Every count bumps all
-- four colour rows of its week (by one or by zero), so the rows' xmin shows that someone answered,
-- never which colour. continuum_counted makes the count idempotent per check-in without naming it:
-- its tag is a keyed hash of the check-in id (the key is the bot's, not the database's), so a press
-- repeated after a crash between the two transactions is not counted twice.
create table check_in_style (
    agency_id uuid primary key references agency (id) on delete cascade,
    style     text not null check (style in ('simple', 'continuum'))
);

-- bucket_start: the Monday of the answer's week in the agency's zone, or the 1st of the month when
-- the week began in the month before, so that every bucket lies inside one calendar month
create table continuum_count (
    agency_id    uuid not null references agency (id) on delete cascade,
    bucket_start date not null,
    colour       text not null check (colour in ('ready', 'reacting', 'injured', 'ill')),
    count        int not null check (count >= 0),
    primary key (agency_id, bucket_start, colour)
);

-- tag: keyed hash of a counted check-in's id; kept for the agency's check-in retention, after which
-- the check-in cannot be answered any more
create table continuum_counted (
    agency_id    uuid not null references agency (id) on delete cascade,
    tag          text not null,
    bucket_start date not null,
    primary key (agency_id, tag)
);

alter table check_in drop constraint check_in_answer_check;
alter table check_in add constraint check_in_answer_check
    check (answer in ('ok', 'talk', 'not_now', 'continuum'));
alter table check_in_tally drop constraint check_in_tally_answer_check;
alter table check_in_tally add constraint check_in_tally_answer_check
    check (answer in ('', 'ok', 'talk', 'not_now', 'continuum'));
