-- Matching, fast and still exact (issue 15): the same suggestions as 20261206000400_matching_exact.sql, in
-- the same order, with less work per suggestion.
-- 1. free_windows() looked up its pairs' offers with a hash join, which read every offer (42 000 rows at
--    50 000 offers) for a few thousand pairs: now one primary-key lookup per pair. Its first window, when
--    two windows begin at the same moment, is the longer one; before, it was whichever the plan met first.
-- 2. match_suggestions() computes the free windows only for the pairs that can still be among the
--    suggestions. Everything in the rough fit but the free minutes is known without the slots, and the
--    free minutes lie between none and all that was asked, so every pair has a highest possible rank. The
--    windows of the pairs with the highest ones (five times the limit) are computed first; the limit-th
--    best rank among them is a bar that many pairs reach, and a pair whose highest possible rank is below
--    it has that many pairs strictly before it. Only the other pairs have their windows computed; ties
--    with the bar stay and are ordered as before (rank, distance, offer, request), so the result is the
--    same as ranking every pair.
-- 3. match_suggestions() is PL/pgSQL: PostgreSQL 17 plans a SQL function's statement again on every call
--    (with the policies of six tables a good part of the call), PL/pgSQL keeps the plan per session.
-- Same names, signatures, row type and security.

/**
 * free_windows(offers, requests)
 * For pairs of an active offer and an open request (the two arrays side by side): the minutes in which the
 * offer is free when the request needs them, week after week, and the first such window. A room's window
 * booked on one of the days a proposal would book (from today, or the term's or the request's first day,
 * to the term's or the request's last day) is not free. All pairs in one set-based statement: the slots of
 * both sides joined by offer, weekday and hours (each pair's offer looked up by primary key), and the
 * per-window booking check (room_booked()) only for the rooms that have a booking at all. Security
 * definer because the policies of the slots would otherwise look up each slot's offer or request once
 * more per row, and only the two sides read bookings; it only tells about active offers and open
 * requests, whose slots anyone may read, and no more about bookings than room_booked(), which anyone may
 * ask. At most 100 000 pairs in one call. Of two windows that begin together, the first is the longer.
 */
create or replace function private.free_windows(p_offer_ids uuid[], p_request_ids uuid[])
returns table (
	offer_id uuid, request_id uuid, minutes integer, weekday integer, starts time, ends time
)
language plpgsql
stable
security definer
set search_path = ''
as $$
#variable_conflict use_column
begin
	if cardinality(p_offer_ids) > 100000 or cardinality(p_offer_ids) <> cardinality(p_request_ids) then
		raise exception using
			errcode = '22023', message = 'Geef hoogstens 100 000 paren van aanbod en vraag.',
			hint = 'free_windows_pairs';
	end if;
	return query
	with pair as materialized (
		select o.id as offer_id, r.id as request_id, o.kind,
			greatest(private.today_in_belgium(), o.term_start, r.needed_from) as book_from,
			least(o.term_end, r.needed_until) as book_until
		from unnest(p_offer_ids, p_request_ids) as x (offer_id, request_id)
		-- One primary-key lookup per pair (offset 0 keeps them so): a hash join would read every offer.
		cross join lateral (
			select o.id, o.kind, o.term_start, o.term_end
			from public.offers o
			where o.id = x.offer_id and o.status = 'active'
			offset 0
		) o
		cross join lateral (
			select r.id, r.needed_from, r.needed_until
			from public.requests r
			where r.id = x.request_id and r.status = 'open'
			offset 0
		) r
	),
	booked as materialized (
		-- The rooms among them with any booking from today on: only their windows are checked one by one.
		select distinct b.offer_id
		from public.room_bookings b
		where b.offer_id in (select p.offer_id from pair p where p.kind = 'room')
			and b.day >= private.today_in_belgium()
	),
	windows as (
		select p.offer_id, p.request_id, s.weekday,
			greatest(s.starts_at, q.starts_at) as starts,
			least(s.ends_at, q.ends_at) as ends
		from pair p
		join public.request_slots q on q.request_id = p.request_id
		join public.offer_slots s
			on s.offer_id = p.offer_id
			and s.weekday = q.weekday
			and s.starts_at < q.ends_at
			and s.ends_at > q.starts_at
		left join booked b on b.offer_id = p.offer_id
		where case
			when b.offer_id is null then true
			else not private.room_booked(
				p.offer_id, s.weekday, greatest(s.starts_at, q.starts_at), least(s.ends_at, q.ends_at),
				p.book_from, p.book_until
			)
		end
	)
	select w.offer_id, w.request_id,
		sum(extract(epoch from w.ends - w.starts) / 60)::integer,
		-- The first window, and of two that begin together the longer: the same whatever the plan's order.
		(array_agg(w.weekday order by w.weekday, w.starts, w.ends desc))[1],
		(array_agg(w.starts order by w.weekday, w.starts, w.ends desc))[1],
		(array_agg(w.ends order by w.weekday, w.starts, w.ends desc))[1]
	from windows w
	group by w.offer_id, w.request_id;
end;
$$;

comment on function private.free_windows(uuid[], uuid[]) is
	'For pairs of an active offer and an open request (at most 100 000, arrays of one length: else 22023, hint free_windows_pairs): the free minutes per week in which both have a slot (a room''s booked windows left out) and the first such window (of two that begin together, the longer). Security definer (slots of active offers and open requests are public; tells no more about bookings than room_booked()). For match_suggestions().';

/**
 * match_suggestions(request, offer, limit)
 * What suggest_offers() and suggest_requests() share; exactly one of the two ids is given, and the rest
 * is the same both ways. The pairs (offer, request) are every pair the geographic lookups find (the
 * offer's radius or listed municipalities reach the request's place), all of them; then, for each pair:
 * the weekly windows in which both are free (a room's window booked on one of the days it is needed is not
 * free), a room's term against the request's period, shared domains, ages and amounts; the best rough fit
 * first (matching_rank_hint()), at most p_limit (1 to 100). The free windows are computed only for the
 * pairs whose highest possible rank can still make the limit (see above): the same rows as for all.
 * PL/pgSQL so that its plan is kept between calls. Security invoker: the caller sees only what
 * they may read (an unknown or hidden request or offer gives no rows).
 */
create or replace function private.match_suggestions(p_request_id uuid, p_offer_id uuid, p_limit integer)
returns setof public.match_suggestion
language plpgsql
stable
security invoker
set search_path = ''
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
				o.organisation_id as offer_organisation_id,
				r.organisation_id as request_organisation_id,
				o.kind as offer_kind,
				r.kind as request_kind,
				o.title as offer_title,
				r.title as request_title,
				o.room_type,
				o.municipality_nis as offer_municipality_nis,
				r.municipality_nis as request_municipality_nis,
				x.distance_km,
				x.reach,
				o.radius_km,
				o.term_start,
				o.term_end,
				r.needed_from,
				r.needed_until,
				r.deadline,
				o.domains as offer_domains,
				r.domains as request_domains,
				o.age_min as offer_age_min,
				o.age_max as offer_age_max,
				r.age_min as request_age_min,
				r.age_max as request_age_max,
				o.capacity,
				o.people,
				o.quantity,
				o.amount_eur,
				o.hours_per_year,
				r.people as needed_people,
				r.amount_eur as needed_amount_eur,
				r.quantity as needed_quantity,
				o.accessible,
				o.conditions,
				o.fee_eur
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
			c.offer_id, c.request_id, g.id, g.name, c.offer_kind, c.request_kind,
			case when p_offer_id is null then c.offer_title else c.request_title end,
			c.room_type, m.nis, m.name_nl, c.distance_km, c.reach, c.radius_km,
			c.request_slot_count, c.requested_minutes, c.overlap_minutes, c.overlap_weekday, c.overlap_starts,
			c.overlap_ends, c.term_start, c.term_end, c.needed_from, c.needed_until, c.deadline,
			c.offer_domains, c.request_domains, c.shared_domains, c.offer_age_min, c.offer_age_max,
			c.request_age_min, c.request_age_max, c.capacity, c.people, c.quantity, c.amount_eur,
			c.hours_per_year, c.needed_people, c.needed_amount_eur, c.needed_quantity, c.accessible,
			c.conditions, c.fee_eur, c.rank_hint, a.id, a.status
		from ranked c
		join public.organisations g
			on g.id = case when p_offer_id is null then c.offer_organisation_id else c.request_organisation_id end
		join public.municipalities m
			on m.nis = case when p_offer_id is null then c.offer_municipality_nis else c.request_municipality_nis end
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

comment on function private.match_suggestions(uuid, uuid, integer) is
	'The suggestions for an open request (p_request_id) or an active offer (p_offer_id): every pair in reach (no nearest-N cap), with overlapping free weekly window, shared domains, ages and amounts; best rough fit first, at most p_limit (1..100); free windows computed only for pairs that can still make the limit. Security invoker. For suggest_offers() and suggest_requests().';
