-- Matching reads the pairs that can rank highest first, from an index, instead of bounding every pair on
-- every call (issue 15: suggest_offers() p95 <= 30 ms at 50 000 offers).
--
-- bench:matching measured 32.3 ms p95 at 50 000 offers on the development machine (the nearest-300
-- function beside it 52.6 ms): the target met in some hours and not in others. For its busiest requests
-- (2 000 to 2 500 rooms and pledges in reach) match_suggestions() read every stored pair
-- (private.request_reach) and worked out each pair's highest possible rank before keeping the 150 that can
-- rank highest: half of its time, for pairs it then dropped.
--
-- That highest possible rank depends only on the pair (distance, the offer's domains, ages and weekdays)
-- and on what the request asks (its domains, ages and weekly windows), none of which changes between two
-- calls. It is now stored with the pair (request_reach.highest) and indexed per request in rank order:
--   - written whenever one of its inputs is: pairing a request or an offer again (an insert, or an update
--     of what they are paired or, for an offer, ranked on), a request's domains or ages, an offer's windows
--     (offer_slots) and a request's windows (request_slots, a new trigger);
--     one function computes it (request_reach_bound()), the same expression match_suggestions() used;
--   - a pair not bounded yet has the bound +infinity (the column's default): it is read first, and ranked
--     on what it has. A missing bound costs time, never a suggestion.
-- suggest_offers() then reads the 150 pairs that can rank highest from the index and, once it knows the
-- limit-th best rank among them, only the pairs whose bound reaches it: the same rows in the same order.
-- suggest_requests() (one offer's requests, found by open_requests_reached_by()) bounds its pairs as
-- before.
--
-- Measured in psql on bench:matching's kept stack (50 000 offers, its 50 requests as the demo coordinator,
-- 5 rounds, the old and new function alternated, the same rows for all 50): mean 7.98 -> 4.40 ms, p95
-- 13.1 -> 7.6 ms.
--
-- Also: a pair's shared domains are counted by one function (shared_domain_count(), the seven comparisons
-- of 20261222000000, inlined where it is called), and the offers' term against the request's period by
-- another (offer_term_fits()), each used by the bound, the readers and match_suggestions(); the reader of
-- every pair, offers_reaching_request(), is replaced by one that reads them in rank order from a bar.

/**
 * shared_domain_count_any(asked, offered)
 * How many of the asked domains are offered, for any list: the general case of shared_domain_count().
 */
create function private.shared_domain_count_any(p_asked text[], p_offered text[])
returns integer
language sql
immutable
parallel safe
set search_path = ''
as $$
	select cardinality(array(select d from unnest(p_asked) d where d = any (p_offered)));
$$;

comment on function private.shared_domain_count_any(text[], text[]) is
	'How many of the asked domains are offered, for any list (the general case of shared_domain_count()).';

/**
 * shared_domain_count(asked, offered)
 * How many of the asked domains are offered. A domain list has at most seven (the seven known domains,
 * distinct, by the tables' checks): seven comparisons, without a subquery, so that the planner inlines it
 * (no search_path of its own, nor a subquery, for that reason: it names built-in operators only). A
 * longer list, or one not numbered from 1, is counted by shared_domain_count_any(); an empty one is none.
 */
create function private.shared_domain_count(p_asked text[], p_offered text[])
returns integer
language sql
immutable
parallel safe
as $$
	select case
		when cardinality(p_asked) = 0 then 0
		when cardinality(p_asked) <= 7 and array_ndims(p_asked) = 1 and array_lower(p_asked, 1) = 1 then
			coalesce((p_asked[1] = any (p_offered))::integer, 0)
			+ coalesce((p_asked[2] = any (p_offered))::integer, 0)
			+ coalesce((p_asked[3] = any (p_offered))::integer, 0)
			+ coalesce((p_asked[4] = any (p_offered))::integer, 0)
			+ coalesce((p_asked[5] = any (p_offered))::integer, 0)
			+ coalesce((p_asked[6] = any (p_offered))::integer, 0)
			+ coalesce((p_asked[7] = any (p_offered))::integer, 0)
		else private.shared_domain_count_any(p_asked, p_offered)
	end;
$$;

comment on function private.shared_domain_count(text[], text[]) is
	'How many of the asked domains are offered (seven comparisons for a list of the tables'' kind; inlined).';

/**
 * offer_term_fits(kind, term start, term end, needed from, needed until)
 * Whether an offer can serve a request's period: a room's term reaches past the request's first day (or
 * today, if later) and starts before its last; other offers have no term.
 */
create function private.offer_term_fits(
	p_offer_kind text,
	p_term_start date,
	p_term_end date,
	p_needed_from date,
	p_needed_until date
)
returns boolean
language sql
stable
parallel safe
as $$
	select p_offer_kind <> 'room'
		or (
			p_term_end >= greatest(p_needed_from, private.today_in_belgium())
			and (p_needed_until is null or p_term_start <= p_needed_until)
		);
$$;

comment on function private.offer_term_fits(text, date, date, date, date) is
	'Whether an offer''s term serves a request''s period (rooms only; inlined).';

revoke execute on function private.shared_domain_count_any(text[], text[]) from public;
revoke execute on function private.shared_domain_count(text[], text[]) from public;
revoke execute on function private.offer_term_fits(text, date, date, date, date) from public;
-- match_suggestions() runs as its caller, anyone.
grant execute on function private.shared_domain_count_any(text[], text[]) to anon, authenticated, service_role;
grant execute on function private.shared_domain_count(text[], text[]) to anon, authenticated, service_role;
grant execute on function private.offer_term_fits(text, date, date, date, date)
	to anon, authenticated, service_role;

alter table private.request_reach add column highest double precision not null default 'infinity';

comment on column private.request_reach.highest is
	'The highest rank the pair can get (matching_rank_hint() with every asked minute free on a shared weekday); +infinity until request_reach_bound() writes it, which reads the pair first.';

/**
 * request_reach_bound(requests, offers)
 * Writes the highest possible rank of the stored pairs of these requests and of these offers (either may be
 * null): as match_suggestions() ranks a pair, with all the minutes the request asks free when the offer
 * has a window on one of its weekdays, none otherwise. Security definer: the table is private.
 */
create function private.request_reach_bound(p_request_ids uuid[], p_offer_ids uuid[])
returns void
language sql
security definer
set search_path = ''
as $$
	with asked as materialized (
		-- what each of their requests asks, read once per request
		select r.id, r.domains, r.age_min, r.age_max,
			coalesce(t.slot_count, 0) as slot_count,
			coalesce(t.minutes, 0) as minutes,
			coalesce(t.weekdays, 0) as weekdays
		from public.requests r
		left join lateral private.open_request_asked(r.id) t on true
		where r.id in (
			select y.request_id
			from private.request_reach y
			where y.request_id = any (p_request_ids) or y.offer_id = any (p_offer_ids)
		)
	)
	update private.request_reach x
	set highest = b.highest
	from (
		select y.request_id, y.offer_id,
			private.matching_rank_hint(
				y.distance_km, a.slot_count, a.minutes,
				case when (y.offer_weekdays & a.weekdays) <> 0 then a.minutes else 0 end,
				cardinality(a.domains), private.shared_domain_count(a.domains, y.offer_domains),
				y.offer_age_min, y.offer_age_max, a.age_min, a.age_max
			) as highest
		from private.request_reach y
		join asked a on a.id = y.request_id
		where y.request_id = any (p_request_ids) or y.offer_id = any (p_offer_ids)
	) b
	where x.request_id = b.request_id and x.offer_id = b.offer_id and x.highest is distinct from b.highest;
$$;

comment on function private.request_reach_bound(uuid[], uuid[]) is
	'Writes the highest possible rank of the stored pairs of these requests and offers (request_reach.highest). Security definer.';

-- Pairing a request or an offer again bounds its new pairs (the rest as 20261209000200 and 20261209000300).
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

	select private.request_reach_bound(p_request_ids, null);
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
	cross join lateral (select private.offer_slot_weekdays(o.id) as weekdays) w
	cross join lateral private.open_requests_reached_by(o.id) f
	join public.requests r on r.id = f.request_id
	where o.id = any (p_offer_ids) and o.status = 'active';

	select private.request_reach_bound(null, p_offer_ids);
$$;

/**
 * After an insert or update on requests: pair again the requests it added, and those whose status or place
 * it changed (20261209000300); bound again the pairs of those whose domains or ages it changed, which rank
 * them.
 */
create or replace function private.request_reach_requests_changed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	if tg_op = 'INSERT' then
		perform private.request_reach_pair_requests(array(select n.id from new_rows n));
	else
		perform private.request_reach_pair_requests(array(
			select n.id
			from new_rows n
			join old_rows o on o.id = n.id
			where (n.status, n.lat, n.lng, n.municipality_nis) is distinct from (o.status, o.lat, o.lng, o.municipality_nis)
		));
		perform private.request_reach_bound(array(
			select n.id
			from new_rows n
			join old_rows o on o.id = n.id
			where (n.domains, n.age_min, n.age_max) is distinct from (o.domains, o.age_min, o.age_max)
		), null);
	end if;
	return null;
end;
$$;

/**
 * After an insert, update or delete on offer_slots: the offers whose windows it wrote have their weekdays
 * written again in their stored pairs, and their pairs bounded again.
 */
create or replace function private.request_reach_slots_changed()
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
	perform private.request_reach_bound(null, v_offer_ids);
	return null;
end;
$$;

/**
 * After an insert, update or delete on request_slots: the requests whose windows it wrote have their
 * pairs bounded again (what they ask moved).
 */
create function private.request_reach_request_slots_changed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_request_ids uuid[];
begin
	-- one branch per operation, as request_reach_slots_changed()
	if tg_op = 'INSERT' then
		v_request_ids := array(select distinct n.request_id from new_rows n);
	elsif tg_op = 'DELETE' then
		v_request_ids := array(select distinct o.request_id from old_rows o);
	else
		v_request_ids := array(select n.request_id from new_rows n union select o.request_id from old_rows o);
	end if;
	perform private.request_reach_bound(v_request_ids, null);
	return null;
end;
$$;

revoke execute on function private.request_reach_bound(uuid[], uuid[]) from public;
revoke execute on function private.request_reach_request_slots_changed() from public;

create trigger request_slots_request_reach_one_writer before insert or update or delete on public.request_slots
	for each statement execute function private.one_writer_at_a_time('private.request_reach');
create trigger request_slots_request_reach_insert after insert on public.request_slots
	referencing new table as new_rows
	for each statement execute function private.request_reach_request_slots_changed();
create trigger request_slots_request_reach_update after update on public.request_slots
	referencing old table as old_rows new table as new_rows
	for each statement execute function private.request_reach_request_slots_changed();
create trigger request_slots_request_reach_delete after delete on public.request_slots
	referencing old table as old_rows
	for each statement execute function private.request_reach_request_slots_changed();

select private.request_reach_bound(array(select r.id from public.requests r), null);

-- The pairs of one request in rank order (those not bounded yet first: they may rank highest).
create index request_reach_highest_idx on private.request_reach (request_id, highest desc, offer_id);

drop function private.offers_reaching_request(uuid);

/**
 * offers_reaching_request_ranked(request, needed from, needed until, bar, count)
 * The stored offers that reach an open request and serve its period (offer_term_fits()) whose highest
 * possible rank reaches the bar, those that can rank highest first, at most `count` (all with null): one
 * index range scan. Security definer (the table is private); they are active offers, which anyone may read,
 * their distances to a public request, and the highest rank each can get against what that request asks
 * (its domains, ages and windows, which anyone may read too).
 */
create function private.offers_reaching_request_ranked(
	p_request_id uuid,
	p_needed_from date,
	p_needed_until date,
	p_bar double precision,
	p_count integer
)
returns table (
	offer_id uuid,
	distance_km double precision,
	reach text,
	offer_domains text[],
	offer_age_min integer,
	offer_age_max integer,
	offer_weekdays integer,
	highest double precision
)
language sql
stable
security definer
set search_path = ''
rows 150
as $$
	select x.offer_id, x.distance_km, x.reach, x.offer_domains, x.offer_age_min, x.offer_age_max,
		x.offer_weekdays, x.highest
	from private.request_reach x
	where x.request_id = p_request_id
		and x.highest >= p_bar
		and private.offer_term_fits(
			x.offer_kind, x.offer_term_start, x.offer_term_end, p_needed_from, p_needed_until
		)
	order by x.highest desc, x.offer_id
	limit p_count;
$$;

comment on function private.offers_reaching_request_ranked(uuid, date, date, double precision, integer) is
	'The active offers that reach an open request and serve its period whose highest possible rank reaches p_bar, those that can rank highest first, at most p_count (private.request_reach). Security definer; for match_suggestions().';

revoke execute on function private.offers_reaching_request_ranked(uuid, date, date, double precision, integer)
	from public;
grant execute on function private.offers_reaching_request_ranked(uuid, date, date, double precision, integer)
	to anon, authenticated, service_role;

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
		with asking as materialized (
			-- suggest_offers(): the open request, read once under the caller's policies, and what it asks week
			-- after week (open_request_asked(), which anyone may read).
			select r.id, r.domains, r.age_min, r.age_max, r.needed_from, r.needed_until,
				coalesce(t.slot_count, 0) as slot_count,
				coalesce(t.minutes, 0) as minutes,
				coalesce(t.weekdays, 0) as weekdays
			from public.requests r
			left join lateral private.open_request_asked(r.id) t on true
			where p_offer_id is null and r.id = p_request_id and r.status = 'open'
		),
		pairs as materialized (
			-- suggest_requests(): every open request of a matching kind in the active offer's area that the
			-- caller may read, without those past their deadline or last day and, for a room, out of its term.
			select o.id as offer_id, r.id as request_id, x.distance_km, x.reach, o.domains as offer_domains,
				r.domains as request_domains, o.age_min as offer_age_min, o.age_max as offer_age_max,
				r.age_min as request_age_min, r.age_max as request_age_max, w.weekdays as offer_weekdays
			from public.offers o
			cross join lateral (select private.offer_slot_weekdays(o.id) as weekdays) w
			cross join lateral private.open_requests_reached_by(o.id) x
			join public.requests r on r.id = x.request_id
			where p_request_id is null and o.id = p_offer_id and o.status = 'active'
				and private.offer_term_fits(o.kind, o.term_start, o.term_end, r.needed_from, r.needed_until)
				and (r.deadline is null or r.deadline >= private.today_in_belgium())
				and (r.needed_until is null or r.needed_until >= private.today_in_belgium())
		),
		asked as (
			-- What each of those requests asks, under the caller's policies.
			select q.request_id, count(*)::integer as slot_count,
				sum(extract(epoch from q.ends_at - q.starts_at) / 60)::integer as minutes,
				bit_or(1 << q.weekday)::integer as weekdays
			from public.request_slots q
			where q.request_id in (select distinct p.request_id from pairs p)
			group by q.request_id
		),
		bounded as materialized (
			-- suggest_requests()'s pairs with the highest rank each can get, as request_reach_bound() stores it
			-- for suggest_offers(): the free minutes lie between none and all that was asked (none when the
			-- offer has no window on a weekday the request asks).
			select b.*,
				private.matching_rank_hint(
					b.distance_km, b.request_slot_count, b.requested_minutes,
					case when b.common_weekdays then b.requested_minutes else 0 end,
					cardinality(b.request_domains), b.shared_count,
					b.offer_age_min, b.offer_age_max, b.request_age_min, b.request_age_max
				) as highest
			from (
				select p.*,
					coalesce(t.slot_count, 0) as request_slot_count,
					coalesce(t.minutes, 0) as requested_minutes,
					(p.offer_weekdays & coalesce(t.weekdays, 0)) <> 0 as common_weekdays,
					private.shared_domain_count(p.request_domains, p.offer_domains) as shared_count
				from pairs p
				left join asked t on t.request_id = p.request_id
			) b
		),
		first as materialized (
			-- The pairs that can rank highest, five times the limit of them: their free windows come first.
			-- suggest_offers() reads them from the index of stored bounds, in this order.
			select x.offer_id, q.id as request_id, x.distance_km, x.reach, x.offer_domains,
				q.domains as request_domains, x.offer_age_min, x.offer_age_max, q.age_min as request_age_min,
				q.age_max as request_age_max, x.offer_weekdays, q.slot_count as request_slot_count,
				q.minutes as requested_minutes, (x.offer_weekdays & q.weekdays) <> 0 as common_weekdays,
				private.shared_domain_count(q.domains, x.offer_domains) as shared_count, x.highest
			from asking q
			cross join lateral private.offers_reaching_request_ranked(
				q.id, q.needed_from, q.needed_until, '-infinity',
				5 * least(greatest(coalesce(p_limit, 10), 1), 100)
			) x
			union all
			(
				select b.*
				from bounded b
				order by b.highest desc, b.offer_id, b.request_id
				limit 5 * least(greatest(coalesce(p_limit, 10), 1), 100)
			)
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
					cardinality(r.request_domains), r.shared_count,
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
			select x.offer_id, q.id as request_id, x.distance_km, x.reach, x.offer_domains,
				q.domains as request_domains, x.offer_age_min, x.offer_age_max, q.age_min as request_age_min,
				q.age_max as request_age_max, x.offer_weekdays, q.slot_count as request_slot_count,
				q.minutes as requested_minutes, (x.offer_weekdays & q.weekdays) <> 0 as common_weekdays,
				private.shared_domain_count(q.domains, x.offer_domains) as shared_count, x.highest
			from asking q
			cross join lateral private.offers_reaching_request_ranked(
				q.id, q.needed_from, q.needed_until,
				coalesce((select bar.rank_hint from bar), '-infinity'::double precision), null
			) x
			where not exists (select from first r where r.offer_id = x.offer_id)
			union all
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
					cardinality(c.request_domains), c.shared_count,
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
			c.offer_domains, c.request_domains,
			array(select d from unnest(c.request_domains) d where d = any (c.offer_domains) order by d),
			c.offer_age_min, c.offer_age_max,
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
