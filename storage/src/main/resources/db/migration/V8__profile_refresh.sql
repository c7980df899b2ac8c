-- When a person's name and time zone were last read from their platform profile (refreshed daily).
alter table member add column profile_checked_at timestamptz;
create index member_profile_check on member (agency_id, profile_checked_at);
