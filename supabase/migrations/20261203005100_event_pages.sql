-- What the event page shows beyond the event's row: how many are going and waiting (public, the names
-- are not), the organiser's name (an organiser publishes the event under their name), and for the
-- organiser, the community's hosts and staff the list of who comes.

/**
 * event_summary(event)
 * Counts and the organiser's name of a readable event (an event of an active community); nothing for
 * another id.
 */
create function public.event_summary(p_event_id uuid)
returns table (going integer, waiting integer, organiser_name text)
language sql
stable
security definer
set search_path = ''
as $$
	select
		(select count(*)::integer from public.event_rsvps r where r.event_id = e.id and r.status = 'going'),
		(select count(*)::integer from public.event_rsvps r where r.event_id = e.id and r.status = 'waiting'),
		p.display_name
	from public.community_events e
	join public.communities c on c.id = e.community_id and c.status = 'active'
	left join public.profiles p on p.id = e.organiser_id
	where e.id = p_event_id;
$$;

comment on function public.event_summary(uuid) is
	'For the event page: how many people are going and waiting (counts only) and the organiser''s display name, for an event of an active community.';

revoke execute on function public.event_summary(uuid) from public;
grant execute on function public.event_summary(uuid) to anon, authenticated;

/**
 * event_attendees(event)
 * Who comes (going, then the waiting list in order) with their display names: only for the organiser, the
 * community's hosts and network staff; nothing for anyone else.
 */
create function public.event_attendees(p_event_id uuid)
returns table (user_id uuid, display_name text, status text, waiting_place integer, created_at timestamptz)
language sql
stable
security definer
set search_path = ''
as $$
	select r.user_id, coalesce(p.display_name, '?'), r.status,
		case when r.status = 'waiting' then
			(row_number() over (partition by r.status order by r.position, r.created_at))::integer
		end,
		r.created_at
	from public.event_rsvps r
	left join public.profiles p on p.id = r.user_id
	where r.event_id = p_event_id and r.status in ('going', 'waiting')
		and private.manages_event(p_event_id)
	order by r.status, r.position nulls first, r.created_at;
$$;

comment on function public.event_attendees(uuid) is
	'The RSVP list of an event with display names (going first, then waiting in order): only for its organiser, the community''s hosts and network staff.';

revoke execute on function public.event_attendees(uuid) from public, anon;
grant execute on function public.event_attendees(uuid) to authenticated;
