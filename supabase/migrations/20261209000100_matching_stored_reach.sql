-- Matching reads the offers that reach a request instead of looking them up on every call (issue 15:
-- suggestions p95 <= 30 ms at 50 000 offers). Measured on bench:matching's 50 000 offers, in psql, the
-- busiest requests (some 2 500 rooms in reach) spent a third of their time in the reach lookup
-- (active_offers_reaching(): the offers' reach boxes, then the exact distances) and most of another third
-- reading those offers again by primary key for what ranks them.
--
-- Now private.request_reach holds, for every open request, the active offers of a matching kind whose area
-- reaches it (the same pairs, distances and reach as active_offers_reaching()), with what ranks an offer
-- (kind, domains, ages, term). Statement triggers on offers and requests keep it current: the offers a
-- statement inserted or updated are paired again (open_requests_reached_by()), the requests likewise
-- (active_offers_reaching()); a deleted offer or request takes its rows along (on delete cascade). Every
-- input of the reach is a column of offers or requests (place, radius, listed municipalities, kind,
-- status), so no other table's change moves it. Writers of offers and requests take turns (one lock,
-- 20261209000050): two of them cannot pair the same offer and request from two snapshots, each blind to the
-- other's change.
--
-- match_suggestions() reads the stored rows for suggest_offers() (one index scan by request) and no longer
-- joins the offers for the pairs: the stored offers are active, which every caller may read (policy
-- "anyone can read active offers"); the offers' other columns are still read, under the caller's
-- policies, for the rows returned. suggest_requests() still looks its requests up (open_requests_reached_by()
-- is one index lookup for one offer). Same name, signature, row type, rows and order.
--
-- The table is private: no grants, row-level security on and no policies; only its functions (security
-- definer) read and write it.

create table private.request_reach (
	request_id uuid not null references public.requests (id) on delete cascade,
	offer_id uuid not null references public.offers (id) on delete cascade,
	distance_km double precision not null,
	reach text not null check (reach in ('radius', 'municipalities')),
	offer_kind text not null,
	offer_domains text[] not null,
	offer_age_min integer,
	offer_age_max integer,
	offer_term_start date,
	offer_term_end date,
	primary key (request_id, offer_id)
);

create index request_reach_offer_id_idx on private.request_reach (offer_id);

comment on table private.request_reach is
	'For every open request, the active offers of a matching kind that reach it (as active_offers_reaching()), with what ranks them; kept by statement triggers on offers and requests. For match_suggestions().';

alter table private.request_reach enable row level security;
revoke all on private.request_reach from public, anon, authenticated, service_role;

/**
 * request_reach_pair_requests(requests)
 * Pairs these requests again: their rows are replaced by the active offers that reach each one still open.
 */
create function private.request_reach_pair_requests(p_request_ids uuid[])
returns void
language sql
security definer
set search_path = ''
as $$
	delete from private.request_reach x where x.request_id = any (p_request_ids);

	insert into private.request_reach (
		request_id, offer_id, distance_km, reach, offer_kind, offer_domains, offer_age_min, offer_age_max,
		offer_term_start, offer_term_end
	)
	select r.id, f.offer_id, f.distance_km, f.reach, o.kind, o.domains, o.age_min, o.age_max, o.term_start,
		o.term_end
	from public.requests r
	cross join lateral private.active_offers_reaching(
		r.lat, r.lng, r.municipality_nis, private.offer_kinds_for_request(r.kind)
	) f
	join public.offers o on o.id = f.offer_id
	where r.id = any (p_request_ids) and r.status = 'open';
$$;

/**
 * request_reach_pair_offers(offers)
 * Pairs these offers again: their rows are replaced by the open requests each one still active reaches. The
 * distance is written as active_offers_reaching() writes it (from the offer to the request's point).
 */
create function private.request_reach_pair_offers(p_offer_ids uuid[])
returns void
language sql
security definer
set search_path = ''
as $$
	delete from private.request_reach x where x.offer_id = any (p_offer_ids);

	insert into private.request_reach (
		request_id, offer_id, distance_km, reach, offer_kind, offer_domains, offer_age_min, offer_age_max,
		offer_term_start, offer_term_end
	)
	select f.request_id, o.id,
		(point(o.lng, o.lat) operator(extensions.<@>) point(r.lng, r.lat)) * 1.609344,
		f.reach, o.kind, o.domains, o.age_min, o.age_max, o.term_start, o.term_end
	from public.offers o
	cross join lateral private.open_requests_reached_by(o.id) f
	join public.requests r on r.id = f.request_id
	where o.id = any (p_offer_ids) and o.status = 'active';
$$;

/** Every open request paired again (after a load that skipped the triggers, say). */
create function private.request_reach_pair_all()
returns void
language sql
security definer
set search_path = ''
as $$
	select private.request_reach_pair_requests(array(select r.id from public.requests r));
$$;

/** After an insert or update on offers: pair the offers it wrote again. */
create function private.request_reach_offers_changed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	perform private.request_reach_pair_offers(array(select n.id from new_rows n));
	return null;
end;
$$;

/** After an insert or update on requests: pair the requests it wrote again. */
create function private.request_reach_requests_changed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	perform private.request_reach_pair_requests(array(select n.id from new_rows n));
	return null;
end;
$$;

revoke execute on function private.request_reach_pair_requests(uuid[]) from public;
revoke execute on function private.request_reach_pair_offers(uuid[]) from public;
revoke execute on function private.request_reach_pair_all() from public;
revoke execute on function private.request_reach_offers_changed() from public;
revoke execute on function private.request_reach_requests_changed() from public;

-- One writer of pairs at a time (20261209000050): each pairs from what the others committed.
create trigger offers_request_reach_one_writer before insert or update or delete on public.offers
	for each statement execute function private.one_writer_at_a_time('private.request_reach');
create trigger requests_request_reach_one_writer before insert or update or delete on public.requests
	for each statement execute function private.one_writer_at_a_time('private.request_reach');
create trigger offers_request_reach_insert after insert on public.offers
	referencing new table as new_rows
	for each statement execute function private.request_reach_offers_changed();
create trigger offers_request_reach_update after update on public.offers
	referencing new table as new_rows
	for each statement execute function private.request_reach_offers_changed();
create trigger requests_request_reach_insert after insert on public.requests
	referencing new table as new_rows
	for each statement execute function private.request_reach_requests_changed();
create trigger requests_request_reach_update after update on public.requests
	referencing new table as new_rows
	for each statement execute function private.request_reach_requests_changed();

select private.request_reach_pair_all();

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
	offer_term_end date
)
language sql
stable
security definer
set search_path = ''
-- The planner's guess for the suggestions' plan, as for active_offers_reaching() (20261206000400).
rows 300
as $$
	select x.offer_id, x.distance_km, x.reach, x.offer_kind, x.offer_domains, x.offer_age_min,
		x.offer_age_max, x.offer_term_start, x.offer_term_end
	from private.request_reach x
	where x.request_id = p_request_id;
$$;

comment on function private.offers_reaching_request(uuid) is
	'The active offers that reach an open request (private.request_reach), with their kind, domains, ages and term. Security definer; for match_suggestions().';

revoke execute on function private.offers_reaching_request(uuid) from public;
grant execute on function private.offers_reaching_request(uuid) to anon, authenticated, service_role;

/**
 * match_suggestions(request, offer, limit)
 * What suggest_offers() and suggest_requests() share; exactly one of the two ids is given, and the rest
 * is the same both ways. The pairs (offer, request) are every pair the geographic lookups find (the
 * offer's radius or listed municipalities reach the request's place), all of them; then, for each pair:
 * the weekly windows in which both are free (a room's window booked on one of the days it is needed is not
 * free), a room's term against the request's period, shared domains, ages and amounts; the best rough fit
 * first (matching_rank_hint()), at most p_limit (1 to 100). The free windows are computed only for the
 * pairs whose highest possible rank can still make the limit (20261207000500): the same rows as for all.
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
			-- suggest_offers(): the stored offers that reach the open request (private.request_reach).
			select x.offer_id, r.id as request_id, x.distance_km, x.reach, x.offer_kind, x.offer_domains,
				x.offer_age_min, x.offer_age_max, x.offer_term_start, x.offer_term_end
			from public.requests r
			cross join lateral private.offers_reaching_request(r.id) x
			where p_offer_id is null and r.id = p_request_id and r.status = 'open'
			union all
			-- suggest_requests(): every open request of a matching kind in the active offer's area.
			select o.id, x.request_id, x.distance_km, x.reach, o.kind, o.domains, o.age_min, o.age_max,
				o.term_start, o.term_end
			from public.offers o
			cross join lateral private.open_requests_reached_by(o.id) x
			where p_request_id is null and o.id = p_offer_id and o.status = 'active'
		),
		pairs as materialized (
			-- The pairs the caller may read, without the rooms out of term and (for suggest_requests()) the
			-- requests past their deadline or last day. The offers are active ones, which every caller may read.
			select
				x.offer_id,
				r.id as request_id,
				x.distance_km,
				x.reach,
				x.offer_domains,
				r.domains as request_domains,
				x.offer_age_min,
				x.offer_age_max,
				r.age_min as request_age_min,
				r.age_max as request_age_max
			from reached x
			join public.requests r on r.id = x.request_id
			where (
					x.offer_kind <> 'room'
					or (
						x.offer_term_end >= greatest(r.needed_from, private.today_in_belgium())
						and (r.needed_until is null or x.offer_term_start <= r.needed_until)
					)
				)
				and (
					p_offer_id is null
					or (
						(r.deadline is null or r.deadline >= private.today_in_belgium())
						and (r.needed_until is null or r.needed_until >= private.today_in_belgium())
					)
				)
		),
		asked as (
			-- What each request asks, week after week: how many windows and minutes.
			select q.request_id, count(*)::integer as slot_count,
				sum(extract(epoch from q.ends_at - q.starts_at) / 60)::integer as minutes
			from public.request_slots q
			where q.request_id in (select distinct p.request_id from pairs p)
			group by q.request_id
		),
		bounded as materialized (
			-- Every pair's rough fit is known but for the free minutes, which lie between none and all that was
			-- asked: the lowest and the highest rank it can get (matching_rank_hint() grows with the minutes).
			select b.*,
				private.matching_rank_hint(
					b.distance_km, b.request_slot_count, b.requested_minutes, 0,
					cardinality(b.request_domains), cardinality(b.shared_domains),
					b.offer_age_min, b.offer_age_max, b.request_age_min, b.request_age_max
				) as lowest,
				private.matching_rank_hint(
					b.distance_km, b.request_slot_count, b.requested_minutes, b.requested_minutes,
					cardinality(b.request_domains), cardinality(b.shared_domains),
					b.offer_age_min, b.offer_age_max, b.request_age_min, b.request_age_max
				) as highest
			from (
				select p.*,
					coalesce(t.slot_count, 0) as request_slot_count,
					coalesce(t.minutes, 0) as requested_minutes,
					array(select d from unnest(p.request_domains) d where d = any (p.offer_domains) order by d)
						as shared_domains
				from pairs p
				left join asked t on t.request_id = p.request_id
			) b
		),
		first_free as (
			-- The free windows of the pairs that can rank highest, five times the limit of them first.
			select f.*
			from private.free_windows(
				(select array_agg(h.offer_id) from (
					select b.offer_id, b.request_id from bounded b
					order by b.highest desc, b.offer_id, b.request_id
					limit 5 * least(greatest(coalesce(p_limit, 10), 1), 100)
				) h),
				(select array_agg(h.request_id) from (
					select b.offer_id, b.request_id from bounded b
					order by b.highest desc, b.offer_id, b.request_id
					limit 5 * least(greatest(coalesce(p_limit, 10), 1), 100)
				) h)
			) f
		),
		first_ranked as materialized (
			select b.offer_id, b.request_id, f.weekday, f.starts, f.ends,
				least(coalesce(f.minutes, 0), b.requested_minutes)::integer as overlap_minutes,
				private.matching_rank_hint(
					b.distance_km, b.request_slot_count, b.requested_minutes,
					least(coalesce(f.minutes, 0), b.requested_minutes)::integer,
					cardinality(b.request_domains), cardinality(b.shared_domains),
					b.offer_age_min, b.offer_age_max, b.request_age_min, b.request_age_max
				) as rank_hint
			from (
				select b.* from bounded b
				order by b.highest desc, b.offer_id, b.request_id
				limit 5 * least(greatest(coalesce(p_limit, 10), 1), 100)
			) b
			left join first_free f on f.offer_id = b.offer_id and f.request_id = b.request_id
		),
		bar as (
			-- The limit-th best rank among them: that many pairs rank at least this high.
			select r.rank_hint
			from first_ranked r
			order by r.rank_hint desc
			offset least(greatest(coalesce(p_limit, 10), 1), 100) - 1
			limit 1
		),
		rest as materialized (
			-- A pair whose highest possible rank is below the bar has that many pairs strictly before it and
			-- cannot be among the suggestions; only the others not ranked yet have their windows computed. The
			-- result is the same as ranking every pair (ties with the bar stay and are ordered as before).
			select b.offer_id, b.request_id
			from bounded b
			where b.highest >= coalesce((select bar.rank_hint from bar), '-infinity'::double precision)
				and not exists (
					select from first_ranked r where r.offer_id = b.offer_id and r.request_id = b.request_id
				)
		),
		rest_free as (
			select f.*
			from private.free_windows(
				(select array_agg(h.offer_id) from rest h),
				(select array_agg(h.request_id) from rest h)
			) f
		),
		candidates as (
			select b.*,
				least(coalesce(f.minutes, 0), b.requested_minutes)::integer as overlap_minutes,
				f.weekday as overlap_weekday,
				f.starts as overlap_starts,
				f.ends as overlap_ends
			from bounded b
			join rest h on h.offer_id = b.offer_id and h.request_id = b.request_id
			left join rest_free f on f.offer_id = b.offer_id and f.request_id = b.request_id
			union all
			select b.*, r.overlap_minutes, r.weekday, r.starts, r.ends
			from bounded b
			join first_ranked r on r.offer_id = b.offer_id and r.request_id = b.request_id
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
