-- The anonymous program survey. Answers are kept only as totals per question and choice
-- (survey_tally): no row per answer, no member id, no time. survey_answered holds one keyed hash
-- per member and survey (HMAC under the bot's key, which the database never sees) so that a member
-- answers once; it cannot be joined to a member without the key, holds nothing of the answers,
-- and is deleted when the survey closes. Dates only, never a time of day.
create table survey (
    id            bigserial primary key,
    agency_id     uuid not null references agency (id) on delete cascade,
    number        int not null,
    question_set  text not null check (question_set in ('needs', 'feedback')),
    opened_on     date not null,
    closes_on     date not null,
    closed_on     date,
    respondents   int not null default 0 check (respondents >= 0),
    unique (agency_id, number),
    check (closes_on >= opened_on)
);

create table survey_tally (
    survey_id  bigint not null references survey (id) on delete cascade,
    agency_id  uuid not null references agency (id) on delete cascade,
    question   text not null,
    choice     text not null,
    answers    int not null default 0 check (answers >= 0),
    primary key (survey_id, question, choice)
);

create table survey_answered (
    survey_id  bigint not null references survey (id) on delete cascade,
    agency_id  uuid not null references agency (id) on delete cascade,
    mark       text not null,
    primary key (survey_id, mark)
);
