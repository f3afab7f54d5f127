-- Matching ranks fewer pairs to the end (issue 15: suggestions p95 <= 30 ms at 50 000 offers; 32.0 ms after
-- 20261209000100). Measured on bench:matching's 50 000 offers with auto_explain, for the busiest request
-- (2 533 rooms in reach, one weekly window asked): after the first 150 pairs, 975 pairs could still reach
-- the bar on their highest possible rank (every asked minute free) and had their free windows computed, a
-- third of the call; 779 of them shared no weekday with the request at all. And the request was read under
-- its row-level policies three times (for the pairs, their request columns and the suggestions' columns),
-- each time evaluating the policy's subqueries (~1 ms each).
--
-- Now:
-- - private.request_reach also keeps each offer's weekdays (a bit per weekday on which it has a weekly window,
--   bit 1 Monday to bit 7 Sunday). A pair whose offer shares no weekday with the request has no free window,
--   so its highest possible rank is its lowest: it no longer counts against the bar, and its windows are
--   never computed (they are none). The result is the same rows in the same order (the bound is still an
--   upper bound; a missing window was already 0 minutes).
-- - A statement trigger on offer_slots keeps the weekdays current (the offers it wrote, their rows updated);
--   its writers take the same turns as those of offers and requests (20261209000050), so no pairing reads
--   slots another writer is changing.
-- - suggest_offers() reads its request once, under the caller's policies, with the columns the pairs need,
--   and what it asks (windows, minutes, weekdays) through private.open_request_asked(), without the policy's
--   subqueries: an open request and its windows are readable by anyone. suggest_requests() joins its
--   requests where it looks them up.
-- - The pairs that can rank highest are picked once (they were sorted three times), and the rest carry
--   their columns instead of being joined back to all pairs.
-- Same name, signature, row type, rows and order. Measured in psql on bench:matching's 50 000 offers, this
-- function and the one before alternated over the bench's 50 requests, 6 rounds, limit 30: same rows for all
-- 50; see the README's benchmark section for the figures.

alter table private.request_reach add column offer_weekdays integer not null default 0;

comment on column private.request_reach.offer_weekdays is
	'The weekdays on which the offer has a weekly window: bit d for weekday d (1 Monday .. 7 Sunday), 0 for none.';

/**
 * offer_slot_weekdays(offer)
 * The weekdays on which an offer has a weekly window, as a bit mask (bit d for weekday d); 0 for none.
 * Security invoker: the caller reads the slots it may read.
 */
create function private.offer_slot_weekdays(p_offer_id uuid)
returns integer
language sql
stable
set search_path = ''
as $$
	select coalesce(bit_or(1 << s.weekday), 0)::integer from public.offer_slots s where s.offer_id = p_offer_id;
$$;

comment on function private.offer_slot_weekdays(uuid) is
	'The weekdays of an offer''s weekly windows as a bit mask (bit d for weekday d, 1 Monday .. 7 Sunday).';

revoke execute on function private.offer_slot_weekdays(uuid) from public;
grant execute on function private.offer_slot_weekdays(uuid) to anon, authenticated, service_role;

create or replace function private.request_reach_pair_requests(p_request_ids uuid[])
returns void
language sql
security definer
set search_path = ''
as $$
	delete from private.request_reach x where x.request_id = any (p_request_ids);

	insert into private.request_reach (
		request_id, offer_id, distance_km, reach, offer_kind, offer_domains, offer_age_min, offer_age_max,
		offer_term_start, offer_term_end, offer_weekdays
	)
	select r.id, f.offer_id, f.distance_km, f.reach, o.kind, o.domains, o.age_min, o.age_max, o.term_start,
		o.term_end, w.weekdays
	from public.requests r
	cross join lateral private.active_offers_reaching(
		r.lat, r.lng, r.municipality_nis, private.offer_kinds_for_request(r.kind)
	) f
	join public.offers o on o.id = f.offer_id
	-- one index lookup per offer (a function call per row would not be inlined: it aggregates)
	cross join lateral (
		select coalesce(bit_or(1 << s.weekday), 0)::integer as weekdays
		from public.offer_slots s
		where s.offer_id = o.id
	) w
	where r.id = any (p_request_ids) and r.status = 'open';
$$;

create or replace function private.request_reach_pair_offers(p_offer_ids uuid[])
returns void
language sql
security definer
set search_path = ''
as $$
	delete from private.request_reach x where x.offer_id = any (p_offer_ids);

	insert into private.request_reach (
		request_id, offer_id, distance_km, reach, offer_kind, offer_domains, offer_age_min, offer_age_max,
		offer_term_start, offer_term_end, offer_weekdays
	)
	select f.request_id, o.id,
		(point(o.lng, o.lat) operator(extensions.<@>) point(r.lng, r.lat)) * 1.609344,
		f.reach, o.kind, o.domains, o.age_min, o.age_max, o.term_start, o.term_end, w.weekdays
	from public.offers o
	cross join lateral (
		select coalesce(bit_or(1 << s.weekday), 0)::integer as weekdays
		from public.offer_slots s
		where s.offer_id = o.id
	) w
	cross join lateral private.open_requests_reached_by(o.id) f
	join public.requests r on r.id = f.request_id
	where o.id = any (p_offer_ids) and o.status = 'active';
$$;

/**
 * After an insert, update or delete on offer_slots: the offers whose windows it wrote have their weekdays
 * written again in their stored pairs.
 */
create function private.request_reach_slots_changed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_offer_ids uuid[];
begin
	-- one branch per operation: a statement naming a transition table the trigger lacks does not compile
	if tg_op = 'INSERT' then
		v_offer_ids := array(select distinct n.offer_id from new_rows n);
	elsif tg_op = 'DELETE' then
		v_offer_ids := array(select distinct o.offer_id from old_rows o);
	else
		v_offer_ids := array(select n.offer_id from new_rows n union select o.offer_id from old_rows o);
	end if;
	update private.request_reach x
	set offer_weekdays = w.weekdays
	from (
		select c.id, private.offer_slot_weekdays(c.id) as weekdays from unnest(v_offer_ids) c (id)
	) w
	where x.offer_id = w.id and x.offer_weekdays <> w.weekdays;
	return null;
end;
$$;

revoke execute on function private.request_reach_slots_changed() from public;

create trigger offer_slots_request_reach_one_writer before insert or update or delete on public.offer_slots
	for each statement execute function private.one_writer_at_a_time('private.request_reach');
create trigger offer_slots_request_reach_insert after insert on public.offer_slots
	referencing new table as new_rows
	for each statement execute function private.request_reach_slots_changed();
create trigger offer_slots_request_reach_update after update on public.offer_slots
	referencing old table as old_rows new table as new_rows
	for each statement execute function private.request_reach_slots_changed();
create trigger offer_slots_request_reach_delete after delete on public.offer_slots
	referencing old table as old_rows
	for each statement execute function private.request_reach_slots_changed();

update private.request_reach x
set offer_weekdays = w.weekdays
from (
	select s.offer_id, bit_or(1 << s.weekday)::integer as weekdays from public.offer_slots s group by s.offer_id
) w
where x.offer_id = w.offer_id;

-- The reader returns the weekdays too: a new row type, so it is made again.
drop function private.offers_reaching_request(uuid);

/**
 * offers_reaching_request(request)
 * The stored offers that reach an open request, with what ranks them. Security definer (the table is
 * private); they are active offers, which anyone may read, and their distances to a public request.
 */
create function private.offers_reaching_request(p_request_id uuid)
returns table (
	offer_id uuid,
	distance_km double precision,
	reach text,
	offer_kind text,
	offer_domains text[],
	offer_age_min integer,
	offer_age_max integer,
	offer_term_start date,
	offer_term_end date,
	offer_weekdays integer
)
language sql
stable
security definer
set search_path = ''
-- The planner's guess for the suggestions' plan, as for active_offers_reaching() (20261206000400).
rows 300
as $$
	select x.offer_id, x.distance_km, x.reach, x.offer_kind, x.offer_domains, x.offer_age_min,
		x.offer_age_max, x.offer_term_start, x.offer_term_end, x.offer_weekdays
	from private.request_reach x
	where x.request_id = p_request_id;
$$;

comment on function private.offers_reaching_request(uuid) is
	'The active offers that reach an open request (private.request_reach), with their kind, domains, ages, term and weekdays. Security definer; for match_suggestions().';

revoke execute on function private.offers_reaching_request(uuid) from public;
grant execute on function private.offers_reaching_request(uuid) to anon, authenticated, service_role;

/**
 * open_request_asked(request)
 * What an open request asks week after week: how many windows, how many minutes, on which weekdays (a bit
 * per weekday). No row for a request that is not open or asks no windows. Security definer, to read the
 * windows once rather than through their policy's subqueries: an open request and its windows are readable
 * by anyone ("anyone can read open and in-progress requests").
 */
create function private.open_request_asked(p_request_id uuid)
returns table (request_id uuid, slot_count integer, minutes integer, weekdays integer)
language sql
stable
security definer
set search_path = ''
rows 1
as $$
	select q.request_id, count(*)::integer,
		sum(extract(epoch from q.ends_at - q.starts_at) / 60)::integer,
		bit_or(1 << q.weekday)::integer
	from public.request_slots q
	join public.requests r on r.id = q.request_id and r.status = 'open'
	where q.request_id = p_request_id
	group by q.request_id;
$$;

comment on function private.open_request_asked(uuid) is
	'How many weekly windows and minutes an open request asks, and on which weekdays (bit d for weekday d). Security definer; for match_suggestions().';

revoke execute on function private.open_request_asked(uuid) from public;
grant execute on function private.open_request_asked(uuid) to anon, authenticated, service_role;

/**
 * match_suggestions(request, offer, limit)
 * What suggest_offers() and suggest_requests() share; exactly one of the two ids is given, and the rest
 * is the same both ways. The pairs (offer, request) are every pair the geographic lookups find (the
 * offer's radius or listed municipalities reach the request's place), all of them; then, for each pair:
 * the weekly windows in which both are free (a room's window booked on one of the days it is needed is not
 * free), a room's term against the request's period, shared domains, ages and amounts; the best rough fit
 * first (matching_rank_hint()), at most p_limit (1 to 100). The free windows are computed only for the
 * pairs whose highest possible rank can still make the limit (20261207000500), and only for those whose
 * offer has a window on a weekday the request asks (20261209000200): the same rows as for all.
 * The pairs carry only what ranks them; the offer's and request's other columns are read for the rows
 * returned; suggest_offers() reads its pairs, with what ranks their offers, from private.request_reach.
 * PL/pgSQL with a generic plan, kept between calls. Security invoker: the caller sees only what they may
 * read (an unknown or hidden request or offer gives no rows).
 */
create or replace function private.match_suggestions(p_request_id uuid, p_offer_id uuid, p_limit integer)
returns setof public.match_suggestion
language plpgsql
stable
security invoker
set search_path = ''
set plan_cache_mode = force_generic_plan
as $$
begin
	return query
		with reached as materialized (
			-- suggest_offers(): the stored offers that reach the open request (private.request_reach), and the
			-- request, read once under the caller's policies.
			select x.offer_id, r.id as request_id, x.distance_km, x.reach, x.offer_kind, x.offer_domains,
				x.offer_age_min, x.offer_age_max, x.offer_term_start, x.offer_term_end, x.offer_weekdays,
				r.domains as request_domains, r.age_min as request_age_min, r.age_max as request_age_max,
				r.needed_from, r.needed_until, r.deadline
			from public.requests r
			cross join lateral private.offers_reaching_request(r.id) x
			where p_offer_id is null and r.id = p_request_id and r.status = 'open'
			union all
			-- suggest_requests(): every open request of a matching kind in the active offer's area that the
			-- caller may read.
			select o.id, r.id, x.distance_km, x.reach, o.kind, o.domains, o.age_min, o.age_max,
				o.term_start, o.term_end, w.weekdays, r.domains, r.age_min, r.age_max, r.needed_from,
				r.needed_until, r.deadline
			from public.offers o
			cross join lateral (select private.offer_slot_weekdays(o.id) as weekdays) w
			cross join lateral private.open_requests_reached_by(o.id) x
			join public.requests r on r.id = x.request_id
			where p_request_id is null and o.id = p_offer_id and o.status = 'active'
		),
		pairs as materialized (
			-- The pairs without the rooms out of term and (for suggest_requests()) the requests past their
			-- deadline or last day. The offers are active ones, which every caller may read.
			select
				x.offer_id,
				x.request_id,
				x.distance_km,
				x.reach,
				x.offer_domains,
				x.request_domains,
				x.offer_age_min,
				x.offer_age_max,
				x.request_age_min,
				x.request_age_max,
				x.offer_weekdays
			from reached x
			where (
					x.offer_kind <> 'room'
					or (
						x.offer_term_end >= greatest(x.needed_from, private.today_in_belgium())
						and (x.needed_until is null or x.offer_term_start <= x.needed_until)
					)
				)
				and (
					p_offer_id is null
					or (
						(x.deadline is null or x.deadline >= private.today_in_belgium())
						and (x.needed_until is null or x.needed_until >= private.today_in_belgium())
					)
				)
		),
		asked as (
			-- What each request asks, week after week: how many windows and minutes, on which weekdays. For
			-- suggest_offers() the open request's, which anyone may read (read once, without the policies'
			-- subqueries); for suggest_requests() those of its requests, under the caller's policies.
			select t.request_id, t.slot_count, t.minutes, t.weekdays
			from private.open_request_asked(p_request_id) t
			where p_offer_id is null
			union all
			select q.request_id, count(*)::integer as slot_count,
				sum(extract(epoch from q.ends_at - q.starts_at) / 60)::integer as minutes,
				bit_or(1 << q.weekday)::integer as weekdays
			from public.request_slots q
			where p_request_id is null and q.request_id in (select distinct p.request_id from pairs p)
			group by q.request_id
		),
		bounded as materialized (
			-- Every pair's rough fit is known but for the free minutes, which lie between none and all that was
			-- asked (none when the offer has no window on a weekday the request asks): the lowest and the
			-- highest rank it can get (matching_rank_hint() grows with the minutes).
			select b.*,
				private.matching_rank_hint(
					b.distance_km, b.request_slot_count, b.requested_minutes, 0,
					cardinality(b.request_domains), cardinality(b.shared_domains),
					b.offer_age_min, b.offer_age_max, b.request_age_min, b.request_age_max
				) as lowest,
				private.matching_rank_hint(
					b.distance_km, b.request_slot_count, b.requested_minutes,
					case when b.common_weekdays then b.requested_minutes else 0 end,
					cardinality(b.request_domains), cardinality(b.shared_domains),
					b.offer_age_min, b.offer_age_max, b.request_age_min, b.request_age_max
				) as highest
			from (
				select p.*,
					coalesce(t.slot_count, 0) as request_slot_count,
					coalesce(t.minutes, 0) as requested_minutes,
					(p.offer_weekdays & coalesce(t.weekdays, 0)) <> 0 as common_weekdays,
					array(select d from unnest(p.request_domains) d where d = any (p.offer_domains) order by d)
						as shared_domains
				from pairs p
				left join asked t on t.request_id = p.request_id
			) b
		),
		first as materialized (
			-- The pairs that can rank highest, five times the limit of them: their free windows come first.
			select b.*
			from bounded b
			order by b.highest desc, b.offer_id, b.request_id
			limit 5 * least(greatest(coalesce(p_limit, 10), 1), 100)
		),
		first_free as (
			-- (only those sharing a weekday: the others have no free window)
			select f.*
			from private.free_windows(
				(select array_agg(h.offer_id) from first h where h.common_weekdays),
				(select array_agg(h.request_id) from first h where h.common_weekdays)
			) f
		),
		first_ranked as materialized (
			select b.*,
				least(coalesce(f.minutes, 0), b.requested_minutes)::integer as overlap_minutes,
				f.weekday as overlap_weekday,
				f.starts as overlap_starts,
				f.ends as overlap_ends
			from first b
			left join first_free f on f.offer_id = b.offer_id and f.request_id = b.request_id
		),
		bar as (
			-- The limit-th best rank among them: that many pairs rank at least this high.
			select private.matching_rank_hint(
					r.distance_km, r.request_slot_count, r.requested_minutes, r.overlap_minutes,
					cardinality(r.request_domains), cardinality(r.shared_domains),
					r.offer_age_min, r.offer_age_max, r.request_age_min, r.request_age_max
				) as rank_hint
			from first_ranked r
			order by 1 desc
			offset least(greatest(coalesce(p_limit, 10), 1), 100) - 1
			limit 1
		),
		rest as materialized (
			-- A pair whose highest possible rank is below the bar has that many pairs strictly before it and
			-- cannot be among the suggestions; only the others not ranked yet have their windows computed. The
			-- result is the same as ranking every pair (ties with the bar stay and are ordered as before).
			select b.*
			from bounded b
			where b.highest >= coalesce((select bar.rank_hint from bar), '-infinity'::double precision)
				and not exists (
					select from first r where r.offer_id = b.offer_id and r.request_id = b.request_id
				)
		),
		rest_free as (
			select f.*
			from private.free_windows(
				(select array_agg(h.offer_id) from rest h where h.common_weekdays),
				(select array_agg(h.request_id) from rest h where h.common_weekdays)
			) f
		),
		candidates as (
			select b.*,
				least(coalesce(f.minutes, 0), b.requested_minutes)::integer as overlap_minutes,
				f.weekday as overlap_weekday,
				f.starts as overlap_starts,
				f.ends as overlap_ends
			from rest b
			left join rest_free f on f.offer_id = b.offer_id and f.request_id = b.request_id
			union all
			select r.* from first_ranked r
		),
		ranked as (
			select c.*,
				private.matching_rank_hint(
					c.distance_km, c.request_slot_count, c.requested_minutes, c.overlap_minutes,
					cardinality(c.request_domains), cardinality(c.shared_domains),
					c.offer_age_min, c.offer_age_max, c.request_age_min, c.request_age_max
				) as rank_hint
			from candidates c
			order by rank_hint desc, c.distance_km, c.offer_id, c.request_id
			limit least(greatest(coalesce(p_limit, 10), 1), 100)
		)
		-- The party suggested: the offer's for suggest_offers(), the request's for suggest_requests().
		select
			c.offer_id, c.request_id, g.id, g.name, o.kind, r.kind,
			case when p_offer_id is null then o.title else r.title end,
			o.room_type, m.nis, m.name_nl, c.distance_km, c.reach, o.radius_km,
			c.request_slot_count, c.requested_minutes, c.overlap_minutes, c.overlap_weekday, c.overlap_starts,
			c.overlap_ends, o.term_start, o.term_end, r.needed_from, r.needed_until, r.deadline,
			c.offer_domains, c.request_domains, c.shared_domains, c.offer_age_min, c.offer_age_max,
			c.request_age_min, c.request_age_max, o.capacity, o.people, o.quantity, o.amount_eur,
			o.hours_per_year, r.people, r.amount_eur, r.quantity, o.accessible,
			o.conditions, o.fee_eur, c.rank_hint, a.id, a.status
		from ranked c
		join public.offers o on o.id = c.offer_id
		join public.requests r on r.id = c.request_id
		join public.organisations g
			on g.id = case when p_offer_id is null then o.organisation_id else r.organisation_id end
		join public.municipalities m
			on m.nis = case when p_offer_id is null then o.municipality_nis else r.municipality_nis end
		left join lateral (
			select a.id, a.status
			from public.agreements a
			where a.request_id = c.request_id and a.offer_id = c.offer_id
			order by a.status in ('proposed', 'accepted') desc, a.created_at desc
			limit 1
		) a on true
		order by c.rank_hint desc, c.distance_km, c.offer_id, c.request_id;
end;
$$;
