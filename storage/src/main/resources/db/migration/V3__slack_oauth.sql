-- Slack OAuth (multi-workspace) installs: what the install answered, and one-time OAuth states.

alter table platform_installation
    add column team_name         text,
    add column installer_user_id text;

-- One-time OAuth `state` values, stored as a SHA-256 hash; consumed on the redirect back from Slack.
create table slack_oauth_state (
    state_hash text primary key,
    expires_at timestamptz not null,
    created_at timestamptz not null default now()
);
create index slack_oauth_state_expiry on slack_oauth_state (expires_at);
