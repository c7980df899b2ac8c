-- Peer onboarding: a peer added from now on first reads the program's confidentiality policy, its
-- written exceptions and the scope of the role, and acknowledges it; until then no offer or
-- check-in goes out in their name. Peers of earlier versions have no row and are not held back.
create table peer_onboarding (
    agency_id        uuid not null references agency (id) on delete cascade,
    member_id        uuid not null references member (id) on delete cascade,
    sent_on          date not null,
    acknowledged_on  date,
    primary key (agency_id, member_id)
);

-- Training records per peer. A required course past its expiry day takes the peer out of rotation;
-- the peer is reminded once, 30 days before.
create table training_record (
    id            bigserial primary key,
    agency_id     uuid not null references agency (id) on delete cascade,
    member_id     uuid not null references member (id) on delete cascade,
    course        text not null check (length(course) between 1 and 60),
    completed_on  date not null,
    expires_on    date,
    required      boolean not null default true,
    reminded_on   date,
    check (expires_on is null or expires_on > completed_on)
);
create index training_record_by_agency on training_record (agency_id, member_id);
