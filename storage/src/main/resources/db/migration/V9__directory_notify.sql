-- Replicas cache who is who (agency, roster entry, peer role) for the request path. Any change to
-- those tables tells every listening replica at commit, so a cached role is never trusted after a
-- change committed. One notification per statement (not per row): the payload is only the table.
create function tenfour_directory_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('tenfour_directory', tg_table_name);
    return null;
end
$$;

create trigger agency_directory_changed after insert or update or delete or truncate on agency
    for each statement execute function tenfour_directory_changed();
create trigger member_directory_changed after insert or update or delete or truncate on member
    for each statement execute function tenfour_directory_changed();
create trigger peer_directory_changed after insert or update or delete or truncate on peer
    for each statement execute function tenfour_directory_changed();
