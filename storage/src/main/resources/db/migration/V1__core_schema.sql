-- TenFour core schema. Every table that belongs to an agency carries agency_id, and every query
-- filters on it. No table stores message text. The interaction log stores no member or peer id.

create table agency (
    id                     uuid primary key default gen_random_uuid(),
    platform               text not null check (platform in ('slack', 'teams', 'web')),
    workspace_id           text not null,
    name                   text not null,
    time_zone              text not null default 'UTC',
    coordinator_channel_id text,
    settings               jsonb not null default '{}'::jsonb,
    created_at             timestamptz not null default now(),
    unique (platform, workspace_id)
);

create table member (
    id               uuid primary key default gen_random_uuid(),
    agency_id        uuid not null references agency (id) on delete cascade,
    platform_user_id text not null,
    display_name     text,
    time_zone        text,
    -- a preferred contact window, in the member's zone: e.g. 07:00-09:00 on sat,sun
    window_start     time,
    window_end       time,
    window_days      text[],
    opted_out        boolean not null default false,
    snoozed_until    timestamptz,
    unreachable      boolean not null default false,
    is_coordinator   boolean not null default false,
    on_roster        boolean not null default true,
    -- unit / crew / supervisor tags to keep matching away from a member's own chain of command
    tags             jsonb not null default '{}'::jsonb,
    welcomed_at      timestamptz,
    created_at       timestamptz not null default now(),
    unique (agency_id, platform_user_id)
);
create index member_agency on member (agency_id);

create table peer (
    member_id        uuid primary key references member (id) on delete cascade,
    agency_id        uuid not null references agency (id) on delete cascade,
    active           boolean not null default true,
    away_until       timestamptz,
    weekly_cap       integer not null default 5 check (weekly_cap >= 0),
    languages        text[] not null default '{}',
    partner_requests boolean not null default false,
    bio              text,
    created_at       timestamptz not null default now()
);
create index peer_agency on peer (agency_id);

create table partnership (
    id           uuid primary key default gen_random_uuid(),
    agency_a     uuid not null references agency (id) on delete cascade,
    agency_b     uuid references agency (id) on delete cascade,
    -- sha-256 of the one-time invite code; the code itself is never stored
    invite_hash  text unique,
    invite_until timestamptz,
    state        text not null check (state in ('invited', 'active', 'ended')),
    created_at   timestamptz not null default now(),
    ended_at     timestamptz,
    check (agency_b is null or agency_a <> agency_b)
);

create table check_in (
    id          uuid primary key default gen_random_uuid(),
    agency_id   uuid not null references agency (id) on delete cascade,
    member_id   uuid not null references member (id) on delete cascade,
    peer_id     uuid references member (id) on delete set null,
    kind        text not null check (kind in ('cadence', 'incident', 'referral', 'anniversary')),
    -- identifies the planning slot so that planning twice never creates two check-ins
    slot_key    text not null,
    due_at      timestamptz not null,
    state       text not null check (state in ('scheduled', 'sent', 'answered', 'expired', 'cancelled')),
    answer      text check (answer in ('ok', 'talk', 'not_now')),
    incident_id uuid,
    created_at  timestamptz not null default now(),
    sent_at     timestamptz,
    answered_at timestamptz,
    unique (agency_id, member_id, slot_key)
);
create index check_in_due on check_in (state, due_at);

create table connection_request (
    id               uuid primary key default gen_random_uuid(),
    agency_id        uuid not null references agency (id) on delete cascade,
    member_id        uuid references member (id) on delete set null,
    source           text not null check (source in ('member', 'check_in', 'referral')),
    scope            text not null check (scope in ('internal', 'partner', 'named')),
    urgency          text not null check (urgency in ('now', 'today', 'week')),
    contact_pref     text not null check (contact_pref in ('chat', 'phone', 'in_person')),
    share_name       boolean not null default false,
    topic_code       text,
    named_peer_id    uuid references member (id) on delete set null,
    state            text not null check (state in ('offered', 'accepted', 'introduced', 'relaying',
                                                    'escalated', 'closed')),
    current_peer_id  uuid references member (id) on delete set null,
    attempts         integer not null default 0,
    offer_expires_at timestamptz,
    created_at       timestamptz not null default now(),
    accepted_at      timestamptz,
    closed_at        timestamptz
);
create index connection_request_agency on connection_request (agency_id, state);

-- Coded and de-identified: no member id, no peer id (a keyed pseudonym only), no text.
create table interaction_log (
    id               uuid primary key default gen_random_uuid(),
    agency_id        uuid not null references agency (id) on delete cascade,
    log_date         date not null,
    contact_type     text not null,
    topic_codes      text[] not null default '{}',
    duration_band    text not null,
    referral_codes   text[] not null default '{}',
    follow_up_date   date,
    safety_concern   boolean not null default false,
    peer_pseudonym   text not null,
    created_at       timestamptz not null default now(),
    sealed_at        timestamptz not null
);
create index interaction_log_agency_date on interaction_log (agency_id, log_date);

-- Outgoing messages: written in the same transaction as the state change that causes them,
-- delivered by the outbox sender, never sent twice (idempotency_key).
create table outbox (
    id                  bigserial primary key,
    agency_id           uuid not null references agency (id) on delete cascade,
    idempotency_key     text not null unique,
    target              jsonb not null,
    message             jsonb not null,
    state               text not null default 'pending'
                        check (state in ('pending', 'sent', 'dead')),
    attempts            integer not null default 0,
    next_attempt_at     timestamptz not null default now(),
    claimed_by          text,
    claimed_until       timestamptz,
    platform_message_id text,
    platform_conversation_id text,
    last_error          text,
    created_at          timestamptz not null default now(),
    sent_at             timestamptz
);
create index outbox_due on outbox (next_attempt_at) where state = 'pending';

create table platform_installation (
    id              uuid primary key default gen_random_uuid(),
    agency_id       uuid not null references agency (id) on delete cascade,
    platform        text not null check (platform in ('slack', 'teams', 'web')),
    workspace_id    text not null,
    bot_user_id     text,
    -- AES-GCM ciphertext (nonce || ciphertext) under TENFOUR_SECRET_KEY; never plain text
    bot_token_enc   bytea,
    scopes          text,
    installed_at    timestamptz not null default now(),
    unique (platform, workspace_id)
);

-- Teams conversation references, so the bot can message a user or channel later.
create table conversation_ref (
    agency_id       uuid not null references agency (id) on delete cascade,
    platform_id     text not null,
    kind            text not null check (kind in ('user', 'channel')),
    service_url     text not null,
    conversation_id text not null,
    updated_at      timestamptz not null default now(),
    primary key (agency_id, kind, platform_id)
);

-- Configuration changes: who (platform user id of a coordinator), when, old -> new.
create table audit_log (
    id        bigserial primary key,
    agency_id uuid not null references agency (id) on delete cascade,
    actor     text not null,
    action    text not null,
    old_value text,
    new_value text,
    at        timestamptz not null default now()
);
create index audit_log_agency on audit_log (agency_id, at);

-- Inbound platform event ids already handled (Slack event_id, Teams activity id), for dedupe
-- across retries and restarts.
create table processed_event (
    platform    text not null,
    event_id    text not null,
    received_at timestamptz not null default now(),
    primary key (platform, event_id)
);
