-- Two reads for the event page that a person's own rows cannot answer: their place on the waiting list
-- (it counts the others waiting before them) and whether they manage the event (organiser, host, staff).

/**
 * rsvp_waiting_place(event)
 * The signed-in person's place on the event's waiting list (1 = next in line); null when not waiting.
 */
create function public.rsvp_waiting_place(p_event_id uuid)
returns integer
language sql
stable
security definer
set search_path = ''
as $$
	select (
		select count(*)::integer from public.event_rsvps w
		where w.event_id = r.event_id and w.status = 'waiting' and w.position <= r.position
	)
	from public.event_rsvps r
	where r.event_id = p_event_id and r.user_id = (select auth.uid()) and r.status = 'waiting';
$$;

comment on function public.rsvp_waiting_place(uuid) is
	'The signed-in person''s place on an event''s waiting list (1 = next); null when they are not waiting.';

revoke execute on function public.rsvp_waiting_place(uuid) from public, anon;
grant execute on function public.rsvp_waiting_place(uuid) to authenticated;

/**
 * manages_community_event(event)
 * Whether the signed-in person organises the event, hosts its community or is network staff.
 */
create function public.manages_community_event(p_event_id uuid)
returns boolean
language sql
stable
security invoker
set search_path = ''
as $$
	select private.manages_event(p_event_id);
$$;

comment on function public.manages_community_event(uuid) is
	'True when the signed-in person may see the event''s RSVP list and cancel it (organiser, host, staff).';

revoke execute on function public.manages_community_event(uuid) from public, anon;
grant execute on function public.manages_community_event(uuid) to authenticated;
