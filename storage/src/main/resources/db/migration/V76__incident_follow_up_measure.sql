-- Incident follow-up measure (issue 19): of the members involved in an incident, how many had a peer
-- contact within 72 hours and within 7 days (an answered follow-up check-in, or the lead peer's log
-- of a critical-incident follow-up). Kept as counts on the incident, never who: a member is counted
-- once per incident through a mark that is a keyed hash of (incident, member), deleted once the
-- incident's 7-day window is over.
alter table incident add column involved_count int not null default 0 check (involved_count >= 0);
-- contacted within 72 hours of the incident, and (the rest) after 72 hours but within 7 days
alter table incident add column contacted_72h int not null default 0 check (contacted_72h >= 0);
alter table incident add column contacted_7d int not null default 0 check (contacted_7d >= 0);
-- the day (agency's zone) the incident's 7-day window ends: the report month it is counted in
alter table incident add column window_ends_on date;
alter table incident add constraint incident_contacted_within_involved
    check (contacted_72h + contacted_7d <= involved_count);

create table incident_contact_mark (
    agency_id   uuid not null references agency (id) on delete cascade,
    incident_id uuid not null references incident (id) on delete cascade,
    tag         text not null,
    primary key (agency_id, incident_id, tag)
);
