-- Round-the-clock coverage (issue 19): a weekly on-call rota of peers per agency. The rota names
-- peer supporters (staff of the program), never the members they help: nothing here says who asked
-- for a peer or when.
create table on_call_rota (
    agency_id             uuid primary key references agency (id) on delete cascade,
    -- ISO day of the week (1 = Monday) and local time, in the agency's zone, when the week turns
    handoff_day           smallint not null default 1 check (handoff_day between 1 and 7),
    handoff_time          time not null default '08:00',
    -- the first day of week 0 of the rotation: the peer at position 0 was on call that week
    anchor_date           date not null,
    -- a coordinator or director told when the chain of peers is exhausted
    last_resort_member_id uuid references member (id) on delete set null
);

create table on_call_peer (
    agency_id uuid not null references agency (id) on delete cascade,
    member_id uuid not null references member (id) on delete cascade,
    position  int not null,
    primary key (agency_id, member_id)
);
create index on_call_peer_order on on_call_peer (agency_id, position);

-- one week's exception to the rotation (oncall swap): who covers the week that starts that day
create table on_call_swap (
    agency_id  uuid not null references agency (id) on delete cascade,
    week_start date not null,
    member_id  uuid not null references member (id) on delete cascade,
    primary key (agency_id, week_start)
);

-- outbox rows of the rota (handoff DMs, empty-week notices) and of incident call-outs
alter table outbox drop constraint outbox_kind_check;
alter table outbox add constraint outbox_kind_check
    check (kind in ('check_in', 'check_in_answer', 'nudge', 'welcome', 'follow_up', 'wellness',
                    'audit', 'report', 'export', 'partner', 'connect_offer', 'connect', 'other',
                    'on_call', 'call_out'));
