-- Confidentiality against the people who run TenFour (issue 13): what the agency's database
-- administrator can read with psql. See storage/src/main/resources/privacy/data-inventory.csv.

-- Outbox rows get a typed kind and a reference to the thing they belong to, instead of routing by a
-- key prefix; keys are keyed hashes from now on (written by the bot), so that no key names a member,
-- a peer or a check-in, not even in Slack's message metadata. A delivered row keeps no body and no
-- addressee: only, for an offer that may still be closed on screen, the platform's message ids.
alter table outbox add column kind text not null default 'other'
    check (kind in ('check_in', 'check_in_answer', 'nudge', 'welcome', 'follow_up', 'wellness',
                    'audit', 'report', 'export', 'partner', 'connect_offer', 'connect', 'other'));
alter table outbox add column ref uuid;
alter table outbox alter column target drop not null;
alter table outbox alter column message drop not null;
update outbox set kind = case
        when idempotency_key like 'checkin:%:%' then 'check_in_answer'
        when idempotency_key like 'checkin:%' then 'check_in'
        when idempotency_key like 'nudge:%' then 'nudge'
        when idempotency_key like 'welcome:%' then 'welcome'
        when idempotency_key like 'follow-up:%' then 'follow_up'
        when idempotency_key like 'wellness:%' then 'wellness'
        when idempotency_key like 'echo:%' then 'audit'
        when idempotency_key like 'report:%' then 'report'
        when idempotency_key like 'export:%' then 'export'
        when idempotency_key like 'partner:%' then 'partner'
        when idempotency_key ~ '^connect:[0-9a-f-]{36}:offer:[0-9]+$' then 'connect_offer'
        when idempotency_key like 'connect:%' then 'connect'
        else 'other' end;
update outbox set ref = cast(split_part(idempotency_key, ':', 2) as uuid)
    where kind in ('check_in', 'check_in_answer', 'nudge', 'connect_offer', 'connect')
      and split_part(idempotency_key, ':', 2) ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
-- Rows already delivered or given up: their text, addressee and readable key go now. A pending row
-- keeps its key (a crashed delivery is looked up by it) until it is delivered and purged.
update outbox set target = null, message = null, last_error = null,
                  platform_conversation_id = case when kind = 'connect_offer' then platform_conversation_id end,
                  platform_message_id = case when kind = 'connect_offer' then platform_message_id end,
                  idempotency_key = 'legacy:' || md5(random()::text || id::text),
                  created_at = date_trunc('day', created_at, 'UTC'),
                  next_attempt_at = date_trunc('day', next_attempt_at, 'UTC'),
                  sent_at = date_trunc('day', sent_at, 'UTC')
    where state <> 'pending';
create index outbox_kind_ref on outbox (agency_id, kind, ref) where ref is not null;
create index outbox_done on outbox (sent_at) where state <> 'pending';

-- The coded log keeps "follow-up planned: yes/no", not the day, and day-precision timestamps from
-- the moment it is written (now() is shared by every row of a transaction).
alter table interaction_log add column follow_up boolean not null default false;
update interaction_log set follow_up = follow_up_date is not null;
alter table interaction_log drop column follow_up_date;
update interaction_log set created_at = date_trunc('day', created_at, 'UTC'),
    sealed_at = case when sealed_at = date_trunc('day', sealed_at, 'UTC') then sealed_at
                     else date_trunc('day', sealed_at, 'UTC') + interval '1 day' end;

-- A reminder names its peer only by a keyed hash (peer_tag), and its log by another (log_ref): a
-- row written in the same transaction as a log (same xmin) names nobody. peer_member_id stays only
-- for reminders written before this migration; nothing writes it any more.
alter table follow_up_reminder add column peer_tag text;
alter table follow_up_reminder add column log_ref text;
alter table follow_up_reminder alter column peer_member_id drop not null;
alter table follow_up_reminder add constraint follow_up_reminder_peer
    check (peer_tag is not null or peer_member_id is not null);
create index follow_up_reminder_tag on follow_up_reminder (agency_id, peer_tag);

-- Check-ins expire (default 90 days after they were due); what reports need of them is kept as
-- counts per agency, day sent and outcome, which name nobody.
create table check_in_tally (
    agency_id uuid not null references agency (id) on delete cascade,
    sent_on   date not null,
    state     text not null check (state in ('sent', 'answered', 'expired')),
    answer    text not null default '' check (answer in ('', 'ok', 'talk', 'not_now')),
    count     integer not null check (count > 0),
    primary key (agency_id, sent_on, state, answer)
);

-- Incidents: no creator (the audit log records the coordinator's change), a short label for
-- coordinators only, cleared once the incident's last follow-up is over.
alter table incident alter column created_by drop not null;
update incident set created_by = null;
alter table incident alter column label drop not null;
