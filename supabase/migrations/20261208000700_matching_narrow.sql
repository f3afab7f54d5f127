-- Matching with narrow rows (issue 15): match_suggestions() ranks as before (20261207000500: the free
-- windows of the pairs that could rank highest first, then of those that can still reach the bar), but its
-- pairs carry only what ranks them (ids, distance, reach, domains, ages); the offers' and requests' other
-- columns (titles, terms, amounts, conditions, organisations, places) are read for the rows it returns,
-- at most p_limit. The pairs, their bounds and the steps that sort them were rows of ~600 bytes.
-- Measured on bench:matching's 50 000 offers (BENCH_KEEP=1), as the coordinator, in psql, over the bench's
-- 50 requests: the same rows in the same order in 360 comparisons (requests and offers, limits 1, 10, 30
-- and 100); 3 rounds at limit 30, old and new alternated: p50 25.5 -> 24.7 ms, p95 50.5 -> 45.9 ms,
-- sum 4 247 -> 3 978 ms.
-- Same name, signature, row type and security; the generic plan (20261208000300) is part of the definition,
-- as create or replace sets the SET clauses anew.

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
 * returned. PL/pgSQL with a generic plan, kept between calls. Security invoker: the caller sees only what
 * they may read (an unknown or hidden request or offer gives no rows).
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
			-- suggest_offers(): every active offer of a matching kind whose area reaches the open request's place.
			select x.offer_id, r.id as request_id, x.distance_km, x.reach
			from public.requests r
			cross join lateral private.active_offers_reaching(
				r.lat, r.lng, r.municipality_nis, private.offer_kinds_for_request(r.kind)
			) x
			where p_offer_id is null and r.id = p_request_id and r.status = 'open'
			union all
			-- suggest_requests(): every open request of a matching kind in the active offer's area.
			select o.id, x.request_id, x.distance_km, x.reach
			from public.offers o
			cross join lateral private.open_requests_reached_by(o.id) x
			where p_request_id is null and o.id = p_offer_id and o.status = 'active'
		),
		pairs as materialized (
			-- The pairs the caller may read, without the rooms out of term and (for suggest_requests()) the
			-- requests past their deadline or last day.
			select
				o.id as offer_id,
				r.id as request_id,
				x.distance_km,
				x.reach,
				o.domains as offer_domains,
				r.domains as request_domains,
				o.age_min as offer_age_min,
				o.age_max as offer_age_max,
				r.age_min as request_age_min,
				r.age_max as request_age_max
			from reached x
			join public.offers o on o.id = x.offer_id
			join public.requests r on r.id = x.request_id
			where (
					o.kind <> 'room'
					or (
						o.term_end >= greatest(r.needed_from, private.today_in_belgium())
						and (r.needed_until is null or o.term_start <= r.needed_until)
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
