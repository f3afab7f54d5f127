-- Teacher profiles, second part: deleting one's account (delete_own_account()) removes the profile first
-- and the auth user afterwards; the teacher or volunteer profile, its weekly slots and school link go with
-- the profile at once, so nothing of them stays readable in between (or if removing the auth user fails).
-- And the helpers of the first part are executable only by the roles that need them.

/**
 * remove_helper_profile()
 * Trigger after a profile is deleted: deletes the person's helper profile (its slots and school link
 * follow by cascade).
 */
create function private.remove_helper_profile()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	delete from public.helper_profiles h where h.user_id = old.id;
	return old;
end;
$$;

comment on function private.remove_helper_profile() is
	'Trigger after a profile is deleted: removes the person''s helper profile, weekly slots and school link with it.';

create trigger profiles_remove_helper_profile
	after delete on public.profiles
	for each row execute function private.remove_helper_profile();

-- The helpers of 20261203002000_helper_profiles.sql were executable by everyone (a new function's
-- default): trigger functions by no one but their owner, the policy and ranking helpers only by the roles
-- granted there.
revoke execute on function private.remove_helper_profile() from public;
revoke execute on function private.guard_school_link() from public;
revoke execute on function private.normalise_helper_profile() from public;
revoke execute on function private.helper_profile_readable(uuid, text) from public;
revoke execute on function private.links_to_my_school(uuid) from public;
revoke execute on function private.interest_request_kinds(text) from public;
revoke execute on function private.subject_domains(text) from public;
revoke execute on function private.grade_ages(text) from public;
