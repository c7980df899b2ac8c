-- An outbox row whose lease expired while it was claimed (its sender crashed or hung mid-call) may or
-- may not have reached the platform. The flag stays set until the row is sent, so the sender looks the
-- idempotency key up on the platform before sending it again.
alter table outbox add column outcome_unknown boolean not null default false;
