-- Installing is not authority. The person who installs TenFour in a team (Teams) or through OAuth as a
-- workspace admin (Slack) may run the first setup, within days, once; everything about it is recorded.
create table setup_grant (
    id          bigserial primary key,
    agency_id   uuid not null references agency (id) on delete cascade,
    member_id   uuid not null references member (id) on delete cascade,
    source      text not null check (source in ('teams_team_install', 'slack_oauth_install')),
    granted_at  timestamptz not null,
    expires_at  timestamptz not null,
    closed_at   timestamptz,
    outcome     text check (outcome in ('used', 'revoked', 'superseded')),
    check ((closed_at is null) = (outcome is null))
);
create index setup_grant_by_agency on setup_grant (agency_id, expires_at);

-- The old lasting flag (any installer while no coordinator existed, for good) grants nothing any more.
update member set is_admin = false where is_admin;
