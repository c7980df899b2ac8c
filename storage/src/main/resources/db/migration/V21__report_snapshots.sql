-- Published reports. A report covers a closed calendar period only and is computed once: the row
-- holds what was published (each cell as shown: a number, "<k", "–" or "n/a"), never a hidden
-- number, and is what everyone who runs that report later sees. Suppression of a new period is
-- checked against every snapshot already published in the same calendar year, so a month and its
-- quarter cannot be subtracted to recover a hidden cell.
create table report_snapshot (
    agency_id    uuid not null references agency (id) on delete cascade,
    period       text not null check (period in ('month', 'quarter', 'year')),
    period_start date not null,
    period_end   date not null,
    k            integer not null check (k >= 3),
    cells        jsonb not null,
    published_at timestamptz not null,
    primary key (agency_id, period, period_start),
    check (period_end >= period_start)
);

-- How many members opted out, opted back in or became unreachable, per agency and calendar month:
-- counts only, no member id, so reports can show these flows without keeping anyone's history.
-- Counted by the database itself whenever the member row changes, whoever changes it.
create table program_event_count (
    agency_id uuid not null references agency (id) on delete cascade,
    month     date not null,
    kind      text not null check (kind in ('opted_out', 'opted_in', 'unreachable')),
    count     integer not null check (count >= 0),
    primary key (agency_id, month, kind)
);

create function tenfour_count_member_event() returns trigger language plpgsql as $$
declare
    event_kind  text;
    event_month date;
begin
    if new.opted_out and not old.opted_out then
        event_kind := 'opted_out';
    elsif old.opted_out and not new.opted_out then
        event_kind := 'opted_in';
    end if;
    select date_trunc('month', now() at time zone a.time_zone)::date into event_month
        from agency a where a.id = new.agency_id;
    if event_kind is not null then
        insert into program_event_count (agency_id, month, kind, count)
        values (new.agency_id, event_month, event_kind, 1)
        on conflict (agency_id, month, kind) do update set count = program_event_count.count + 1;
    end if;
    if new.unreachable and not old.unreachable then
        insert into program_event_count (agency_id, month, kind, count)
        values (new.agency_id, event_month, 'unreachable', 1)
        on conflict (agency_id, month, kind) do update set count = program_event_count.count + 1;
    end if;
    return null;
end
$$;

create trigger member_event_counted after update of opted_out, unreachable on member
    for each row execute function tenfour_count_member_event();
