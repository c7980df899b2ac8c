-- Critical-incident call-outs (issue 19): after /tenfour incident, the on-call peer is paged, then
-- the next; the first "I'm on it" becomes the incident's lead peer. Only peers (staff of the
-- program) are named here; who was involved stays where it was (the incident's check-ins).
create table call_out (
    incident_id       uuid primary key references incident (id) on delete cascade,
    agency_id         uuid not null references agency (id) on delete cascade,
    state             text not null default 'paging'
                      check (state in ('paging', 'taken', 'exhausted', 'closed')),
    -- every peer paged so far, in order, and those who said they can't
    paged_peer_ids    uuid[] not null default '{}',
    declined_peer_ids uuid[] not null default '{}',
    lead_peer_id      uuid references member (id) on delete set null,
    -- when the next peer is paged if nobody has taken it
    next_page_at      timestamptz,
    created_at        timestamptz not null
);
create index call_out_due on call_out (next_page_at) where state = 'paging';
