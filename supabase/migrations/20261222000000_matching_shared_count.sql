-- Matching a little cheaper per pair (issue 15: suggest_offers() at 50 000 offers, p95 <= 30 ms).
--
-- bench:matching measured 38.0 to 40.7 ms p95 at 50 000 offers in four runs on the development machine one
-- morning, 29.2 ms in a fifth (25.1 and 25.7 when the target was met, 20261209000200); the code of that
-- round gave 42.7 ms in the same hour, so the machine was slower, not the code. The busiest requests pair
-- with ~2 300 offers; a profile of Postgres (perf) put forming, copying and allocating rows and a memory
-- context per pair ahead of any single step. Three changes, the same rows:
--   - The shared domains of every pair were an array built by a subquery over unnest(): a function scan and
--     its memory per pair. The ranking needs only how many there are, which is now a sum of seven
--     comparisons (a domain list has at most seven: the seven known domains, distinct, by the tables'
--     checks; a longer list, or one not numbered from 1, is counted the old way; an empty one is none). The
--     array itself is built for the rows returned only.
--   - The reached pairs and the pairs left after the term and deadline filters were two materialised
--     copies; the filters now apply as the pairs are read, one copy.
--   - Each pair's lowest possible rank was computed and never read; it is gone (mean 8.7 -> 8.1 ms in psql,
--     9 rounds alternated, in a faster hour).
-- Measured in psql on bench:matching's kept stack (50 000 offers, its 50 requests as the demo coordinator,
-- 6 rounds, the old and new function alternated): mean 16.3 -> 11.8 ms, p95 30.3 -> 20.3 ms (16.0 -> 11.7
-- and 31.2 -> 20.2 in an earlier pair of runs), the same rows for all 50 requests and for 120 offers'
-- suggest_requests(). bench:matching after it: 34.6, 28.9 and 29.7 ms, the capped function beside it 55.2,
-- 49.5 and 56.2 ms (before: 38.0 to 40.7 against 50.2 to 52.4).

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
		with pairs as materialized (
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
			from (
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
			) x
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
			-- asked (none when the offer has no window on a weekday the request asks): the highest rank it can
			-- get (matching_rank_hint() grows with the minutes). (The lowest, computed too until this migration,
			-- was never read.)
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
					-- How many of the asked domains the offer has, without a subquery per pair (above).
					case
						when cardinality(p.request_domains) = 0 then 0
						when cardinality(p.request_domains) <= 7 and array_ndims(p.request_domains) = 1
							and array_lower(p.request_domains, 1) = 1 then
							coalesce((p.request_domains[1] = any (p.offer_domains))::integer, 0)
							+ coalesce((p.request_domains[2] = any (p.offer_domains))::integer, 0)
							+ coalesce((p.request_domains[3] = any (p.offer_domains))::integer, 0)
							+ coalesce((p.request_domains[4] = any (p.offer_domains))::integer, 0)
							+ coalesce((p.request_domains[5] = any (p.offer_domains))::integer, 0)
							+ coalesce((p.request_domains[6] = any (p.offer_domains))::integer, 0)
							+ coalesce((p.request_domains[7] = any (p.offer_domains))::integer, 0)
						else cardinality(array(select d from unnest(p.request_domains) d where d = any (p.offer_domains)))
					end as shared_count
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
