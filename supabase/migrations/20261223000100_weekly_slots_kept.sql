-- Saving an offer or a request keeps the weekly slots that stay (issue 15, after 20261223000000).
--
-- replace_weekly_slots() (20261127002000), which save_offer() and save_request() call on every save,
-- deleted all of a parent's slots and inserted the form's again, even when none changed (a title edit).
-- Each of those two statements fires the slots' triggers that keep the stored pairs of matching current
-- (private.request_reach): the offer's weekdays and, since 20261223000000, the highest rank each pair can
-- get. With every slot deleted first, a save wrote every pair of the offer or request twice, away from
-- its value and back (some 2 500 pairs for the busiest request at 50 000 offers: 5 000 row versions for a
-- title edit). Now only the slots that are not in the form are deleted and only those that are not stored
-- yet are inserted: the same slots afterwards, and a save that changes none writes no pair. A slot that
-- stays keeps its id.

create or replace function private.replace_weekly_slots(
	p_table text,
	p_parent_column text,
	p_parent_id uuid,
	p_slots jsonb
)
returns void
language plpgsql
security invoker
set search_path = ''
as $$
begin
	execute format(
		'delete from public.%I s
		where s.%I = $1
			and not exists (
				select
				from jsonb_to_recordset(coalesce($2, ''[]'')) as n (weekday integer, starts_at time, ends_at time)
				where n.weekday = s.weekday and n.starts_at = s.starts_at and n.ends_at = s.ends_at
			)',
		p_table, p_parent_column
	) using p_parent_id, p_slots;
	execute format(
		'insert into public.%I (%I, weekday, starts_at, ends_at)
		select $1, n.weekday, n.starts_at, n.ends_at
		from jsonb_to_recordset(coalesce($2, ''[]'')) as n (weekday integer, starts_at time, ends_at time)
		where not exists (
			select
			from public.%I s
			where s.%I = $1 and s.weekday = n.weekday and s.starts_at = n.starts_at and s.ends_at = n.ends_at
		)',
		p_table, p_parent_column, p_table, p_parent_column
	) using p_parent_id, p_slots;
end;
$$;

comment on function private.replace_weekly_slots(text, text, uuid, jsonb) is
	'Makes the weekly slots (offer_slots or request_slots) of one offer or request those of a JSON array of {weekday, starts_at, ends_at}: deletes the others, inserts the missing ones, keeps the rest. Security invoker; for save_offer() and save_request().';
