-- Follow-up reminders for peers. Deliberately separate from interaction_log: it names the peer
-- (who must be reminded) but holds no link to the coded log row, no codes and no creation time,
-- so it cannot be joined back to a log. A row lives only until its reminder is sent (then deleted)
-- or expires (purged by retention).
create table follow_up_reminder (
    id             uuid primary key default gen_random_uuid(),
    agency_id      uuid not null references agency (id) on delete cascade,
    peer_member_id uuid not null references member (id) on delete cascade,
    due_date       date not null
);
create index follow_up_reminder_due on follow_up_reminder (due_date);
create index follow_up_reminder_peer on follow_up_reminder (agency_id, peer_member_id);

-- A peer lists their own open (unsealed) logs, and wellness counts a peer's recent logs, by pseudonym.
create index interaction_log_pseudonym on interaction_log (agency_id, peer_pseudonym, log_date);
