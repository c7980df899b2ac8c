-- The agency's resource directory: where to get help (EAP, clinicians, chaplains …), kept by its
-- coordinators and shown to members and peers. Nothing records who looked at it: viewing the
-- directory writes no row.
create table resource (
    id          bigserial primary key,
    agency_id   uuid not null references agency (id) on delete cascade,
    name        text not null check (length(name) between 1 and 80),
    reach       text not null check (length(reach) between 1 and 200),
    category    text not null check (category in ('eap', 'clinician', 'chaplain', 'medical', 'legal',
                                                  'financial', 'family', 'substance', 'other')),
    shared      boolean not null default false,
    added_on    date not null
);
create index resource_by_agency on resource (agency_id, category);
