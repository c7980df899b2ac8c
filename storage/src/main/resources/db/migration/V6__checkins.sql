-- Proactive check-ins: stable peer assignment, critical incidents, and check-in bookkeeping.

alter table member add column assigned_peer_id uuid references member (id) on delete set null;
alter table member add column is_admin boolean not null default false;

create table incident (
    id           uuid primary key default gen_random_uuid(),
    agency_id    uuid not null references agency (id) on delete cascade,
    -- visible to coordinators only; members get a neutral message
    label        text not null,
    created_by   text not null,
    created_at   timestamptz not null default now(),
    cancelled_at timestamptz
);
create index incident_agency on incident (agency_id);

alter table check_in add constraint check_in_incident_fk
    foreign key (incident_id) references incident (id) on delete cascade;
alter table check_in add column nudged_at timestamptz;
create index check_in_member on check_in (agency_id, member_id, due_at);
