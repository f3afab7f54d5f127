-- The header of every signed-in page (root +layout.server.ts) asked three things in three API round trips:
-- the person's display name, whether they are network staff, and how many notifications they have not
-- read. One call now (issue 15: signed-in pages fast). Security invoker: RLS decides what the caller may
-- read (their own profile and notifications), and is_network_staff() looks at auth.uid() itself.
-- Anonymous callers may not call it; a signed-in person only ever gets their own header.
create or replace function public.account_header()
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
	select jsonb_build_object(
		'display_name', (select p.display_name from public.profiles p where p.id = (select auth.uid())),
		'staff', public.is_network_staff(),
		'unread', (
			select count(*) from public.notifications n
			where n.user_id = (select auth.uid()) and n.read_at is null
		)
	)
	where (select auth.uid()) is not null;
$$;

comment on function public.account_header() is
	'The signed-in person''s header in one call: display_name, staff (network staff), unread (notifications not read). Null without a signed-in caller.';

revoke execute on function public.account_header() from public, anon;
grant execute on function public.account_header() to authenticated, service_role;
