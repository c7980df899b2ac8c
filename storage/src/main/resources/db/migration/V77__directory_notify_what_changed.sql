-- V9 told every replica "the directory changed" for any statement on agency, member or peer, so one
-- roster change anywhere made every replica forget everyone it knew. Now each notification names what
-- changed, at the grain replicas remember it (org.tenfour.storage.DirectoryChanges):
--   'm <agency> <member> <member> ...'  those members' rows (member or peer) of that agency
--   'a <agency>'                        the agency's row, or more than 100 of its members at once
--   '*'                                 everything (a truncate, or more than 100 agencies at once)
-- Internal ids only: never a name or a platform id. Statement-level triggers with transition tables,
-- so a bulk import of 20,000 members is one notification, not 20,000; rows an update left exactly as
-- they were are not named; identical notifications of one transaction are sent once by PostgreSQL.
--
-- The same words are appended, for this session, to the setting tenfour.directory_changed: the
-- replica that wrote takes them after each of its statements (tenfour_directory_take) and forgets at
-- once, before commit, instead of waiting for its own notification. Sessions that never take them
-- (psql, other tools) keep at most a few kilobytes, then just '*'.

drop trigger agency_directory_changed on agency;
drop trigger member_directory_changed on member;
drop trigger peer_directory_changed on peer;
drop function tenfour_directory_changed();

-- one changed row as a cache knows it: member null means the whole agency
create type tenfour_directory_key as (agency uuid, member uuid);

create function tenfour_directory_say(keys tenfour_directory_key[]) returns void
    language plpgsql set search_path from current as $$
declare
    r record;
    words text[] := '{}';
    said text;
begin
    for r in
        select k.agency,
               array_agg(distinct k.member) filter (where k.member is not null) as members,
               bool_or(k.member is null) as whole
        from unnest(keys) as k
        group by k.agency
    loop
        if r.whole or cardinality(r.members) > 100 then
            words := words || ('a ' || r.agency);
        else
            words := words || ('m ' || r.agency || ' ' || array_to_string(r.members, ' '));
        end if;
    end loop;
    if cardinality(words) > 100 then
        words := array['*'];
    end if;
    foreach said in array words loop
        perform pg_notify('tenfour_directory', said);
    end loop;
    perform tenfour_directory_keep(words);
end
$$;

-- appends words for this session's own writer to take; bounded for sessions that never take them
create function tenfour_directory_keep(words text[]) returns void
    language plpgsql as $$
declare
    kept text := coalesce(current_setting('tenfour.directory_changed', true), '');
begin
    if cardinality(words) = 0 then
        return;
    end if;
    kept := kept || array_to_string(words, ';') || ';';
    if length(kept) > 6000 then
        kept := '*;';
    end if;
    perform set_config('tenfour.directory_changed', kept, false);
end
$$;

-- what this session's statements changed since it last asked (and forgets it)
create function tenfour_directory_take() returns text
    language plpgsql as $$
declare
    kept text := coalesce(current_setting('tenfour.directory_changed', true), '');
begin
    if kept <> '' then
        perform set_config('tenfour.directory_changed', '', false);
    end if;
    return kept;
end
$$;

create function tenfour_directory_truncated() returns trigger
    language plpgsql set search_path from current as $$
begin
    perform pg_notify('tenfour_directory', '*');
    perform tenfour_directory_keep(array['*']);
    return null;
end
$$;

create function tenfour_agency_rows_changed() returns trigger
    language plpgsql set search_path from current as $$
begin
    if tg_op = 'INSERT' then
        perform tenfour_directory_say(array(
            select row(n.id, null)::tenfour_directory_key from new_rows n));
    elsif tg_op = 'DELETE' then
        perform tenfour_directory_say(array(
            select row(o.id, null)::tenfour_directory_key from old_rows o));
    else
        perform tenfour_directory_say(array(
            select row(coalesce(n.id, o.id), null)::tenfour_directory_key
            from new_rows n full join old_rows o on o.id = n.id
            where n.id is null or o.id is null or n::text <> o::text));
    end if;
    return null;
end
$$;

create function tenfour_member_rows_changed() returns trigger
    language plpgsql set search_path from current as $$
begin
    if tg_op = 'INSERT' then
        perform tenfour_directory_say(array(
            select row(n.agency_id, n.id)::tenfour_directory_key from new_rows n));
    elsif tg_op = 'DELETE' then
        perform tenfour_directory_say(array(
            select row(o.agency_id, o.id)::tenfour_directory_key from old_rows o));
    else
        perform tenfour_directory_say(array(
            select row(coalesce(n.agency_id, o.agency_id), coalesce(n.id, o.id))::tenfour_directory_key
            from new_rows n full join old_rows o on o.id = n.id
            where n.id is null or o.id is null or n::text <> o::text));
    end if;
    return null;
end
$$;

create function tenfour_peer_rows_changed() returns trigger
    language plpgsql set search_path from current as $$
begin
    if tg_op = 'INSERT' then
        perform tenfour_directory_say(array(
            select row(n.agency_id, n.member_id)::tenfour_directory_key from new_rows n));
    elsif tg_op = 'DELETE' then
        perform tenfour_directory_say(array(
            select row(o.agency_id, o.member_id)::tenfour_directory_key from old_rows o));
    else
        perform tenfour_directory_say(array(
            select row(coalesce(n.agency_id, o.agency_id), coalesce(n.member_id, o.member_id))::tenfour_directory_key
            from new_rows n full join old_rows o on o.member_id = n.member_id
            where n.member_id is null or o.member_id is null or n::text <> o::text));
    end if;
    return null;
end
$$;

-- An update names the rows it really changed: old and new rows paired by key (a hash or merge
-- join, about 130 ms for 20,000 rows); a key that changed names both. PostgreSQL allows transition
-- tables only on a trigger for one event: three triggers a table, and one for truncate.
create trigger agency_rows_inserted after insert on agency
    referencing new table as new_rows
    for each statement execute function tenfour_agency_rows_changed();
create trigger agency_rows_updated after update on agency
    referencing old table as old_rows new table as new_rows
    for each statement execute function tenfour_agency_rows_changed();
create trigger agency_rows_deleted after delete on agency
    referencing old table as old_rows
    for each statement execute function tenfour_agency_rows_changed();
create trigger agency_truncated after truncate on agency
    for each statement execute function tenfour_directory_truncated();

create trigger member_rows_inserted after insert on member
    referencing new table as new_rows
    for each statement execute function tenfour_member_rows_changed();
create trigger member_rows_updated after update on member
    referencing old table as old_rows new table as new_rows
    for each statement execute function tenfour_member_rows_changed();
create trigger member_rows_deleted after delete on member
    referencing old table as old_rows
    for each statement execute function tenfour_member_rows_changed();
create trigger member_truncated after truncate on member
    for each statement execute function tenfour_directory_truncated();

create trigger peer_rows_inserted after insert on peer
    referencing new table as new_rows
    for each statement execute function tenfour_peer_rows_changed();
create trigger peer_rows_updated after update on peer
    referencing old table as old_rows new table as new_rows
    for each statement execute function tenfour_peer_rows_changed();
create trigger peer_rows_deleted after delete on peer
    referencing old table as old_rows
    for each statement execute function tenfour_peer_rows_changed();
create trigger peer_truncated after truncate on peer
    for each statement execute function tenfour_directory_truncated();
