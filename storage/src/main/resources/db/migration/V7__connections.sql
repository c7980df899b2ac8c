-- Connection requests (a member asks for a peer): offers to candidates one at a time, relay routing,
-- partner peers. No message text is stored anywhere: relayed messages pass through memory only.

alter table connection_request add column peer_agency_id uuid references agency (id) on delete set null;
-- every peer offered so far, in order (the current one included); purged with the other identifiers
alter table connection_request add column tried_peer_ids uuid[] not null default '{}';
-- a preferred language code (matched when possible), and a short topic code only, never free text
alter table connection_request add column language text;

-- One open request per member: a second ask while one is open points at the first.
create unique index connection_request_one_open on connection_request (agency_id, member_id)
    where state in ('offered', 'accepted', 'relaying', 'escalated');
create index connection_request_offer_due on connection_request (offer_expires_at) where state = 'offered';
create index connection_request_closed on connection_request (agency_id, closed_at) where closed_at is not null;

-- Where to relay an active, anonymous or cross-agency conversation: one row per relaying request.
-- person keys are platform:workspace:user; a person is in at most one relay at a time on each side.
create table relay (
    request_id     uuid primary key references connection_request (id) on delete cascade,
    agency_id      uuid not null references agency (id) on delete cascade,
    member_key     text not null unique,
    peer_key       text not null unique,
    member_address jsonb not null,
    peer_address   jsonb not null,
    -- how each side's messages are labelled for the other: the member's only once shared
    member_label   text not null default 'Member',
    peer_label     text not null,
    started_at     timestamptz not null
);
create index relay_agency on relay (agency_id);

create index partnership_a on partnership (agency_a) where state = 'active';
create index partnership_b on partnership (agency_b) where state = 'active';
