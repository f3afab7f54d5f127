-- Matching: for an open request the offers that could serve it, and for an offer the open requests it
-- could serve, each with the facts the app scores and explains (distance, the first overlapping weekly
-- window, shared domains, ages, what is offered against what is needed). The score itself is the app's
-- (src/lib/matching/score.ts); these functions only find candidates fast and put them in a rough order.

create extension if not exists cube with schema extensions;
create extension if not exists earthdistance with schema extensions;

/**
 * offer_kinds_for_request(request kind), request_kinds_for_offer(offer kind)
 * Which kinds meet: a venue is a school's room, expertise also comes as a company visit or workshop, the
 * other kinds meet their namesake.
 */
create function private.offer_kinds_for_request(p_request_kind text)
returns text[]
language sql
immutable
parallel safe
set search_path = ''
as $$
	select case p_request_kind
		when 'venue' then array['room']
		when 'volunteers' then array['volunteers']
		when 'materials' then array['materials']
		when 'funding' then array['funding']
		when 'expertise' then array['expertise', 'visit']
		else array[]::text[]
	end;
$$;

comment on function private.offer_kinds_for_request(text) is
	'The offer kinds that can serve a request of this kind: venue -> room, expertise -> expertise or visit, the others their namesake.';

create function private.request_kinds_for_offer(p_offer_kind text)
returns text[]
language sql
immutable
parallel safe
set search_path = ''
as $$
	select case p_offer_kind
		when 'room' then array['venue']
		when 'volunteers' then array['volunteers']
		when 'materials' then array['materials']
		when 'funding' then array['funding']
		when 'expertise' then array['expertise']
		when 'visit' then array['expertise']
		else array[]::text[]
	end;
$$;

comment on function private.request_kinds_for_offer(text) is
	'The request kinds an offer of this kind can serve: room -> venue, visit -> expertise, the others their namesake.';

-- The area an offer serves by radius, as the bounding cube around its point that earthdistance uses,
-- behind its kind (btree_gist): "which active rooms reach the request's point" becomes one GiST lookup
-- (kind equal, box contains point) before the exact earth_distance, so a suggestion never reads all
-- offers, nor the many offers of other kinds whose wide areas also cover the point.
create index offers_reach_box_idx on public.offers
	using gist (
		kind,
		extensions.earth_box(extensions.ll_to_earth(lat, lng), (radius_km * 1000)::double precision)
	)
	where status = 'active' and radius_km is not null;

-- Offers that serve a list of municipalities use offers_area_municipalities_idx (gin), and the reverse
-- direction (open requests inside an offer's reach box) uses requests_earth_idx (gist on the point).

/**
 * matching_rank_hint(...)
 * A rough fit from 0 to 90 that orders candidates before the limit: distance, the share of the requested
 * weekly minutes the offer covers, shared domains and ages, with the same weights as the app's score
 * (src/lib/matching/score.ts), which decides the final order and explains it.
 */
create function private.matching_rank_hint(
	p_distance_km double precision,
	p_request_slot_count integer,
	p_requested_minutes integer,
	p_overlap_minutes integer,
	p_request_domain_count integer,
	p_shared_domain_count integer,
	p_offer_age_min integer,
	p_offer_age_max integer,
	p_request_age_min integer,
	p_request_age_max integer
)
returns double precision
language sql
immutable
parallel safe
-- No search_path setting, so that the planner inlines it (a setting would make it a call per candidate);
-- it names no table or function, only built-in arithmetic.
as $$
	select
		30 / (1 + greatest(p_distance_km, 0) / 10)
		+ case
			when coalesce(p_request_slot_count, 0) = 0 or coalesce(p_requested_minutes, 0) = 0 then 15
			else 30 * least(coalesce(p_overlap_minutes, 0)::double precision / p_requested_minutes, 1)
		end
		+ case
			when coalesce(p_request_domain_count, 0) = 0 then 7.5
			else 15 * coalesce(p_shared_domain_count, 0)::double precision / p_request_domain_count
		end
		+ case
			when coalesce(p_offer_age_min, p_offer_age_max) is null
				or coalesce(p_request_age_min, p_request_age_max) is null then 5
			when coalesce(p_offer_age_min, 2) <= coalesce(p_request_age_max, 25)
				and coalesce(p_request_age_min, 2) <= coalesce(p_offer_age_max, 25) then 10
			else 0
		end;
$$;

comment on function private.matching_rank_hint(
	double precision, integer, integer, integer, integer, integer, integer, integer, integer, integer
) is 'Rough fit (0..90) that orders matching candidates before the limit; the app''s scoreSuggestion() decides the final order.';

/**
 * active_offers_reaching(lat, lng, municipality, kinds), open_requests_reached_by(offer)
 * The geographic lookups behind the suggestions: which active offers of these kinds reach a point (their
 * reach box contains it, offers_reach_box_idx, then the exact distance within the radius; or they list the
 * municipality), and which open requests lie in an offer's area (requests_earth_idx). Security definer
 * because row-level security keeps the non-leakproof cube and array operators out of index conditions,
 * which would make every suggestion read all offers of a kind. They only ever give ids and distances of
 * active offers and open requests, which anyone may read anyway; match_suggestions(), security invoker,
 * reads the rows themselves under the caller's policies.
 */
create function private.active_offers_reaching(
	p_lat double precision,
	p_lng double precision,
	p_municipality_nis text,
	p_kinds text[]
)
returns table (offer_id uuid, distance_km double precision, reach text)
language plpgsql
stable
security definer
set search_path = ''
as $$
#variable_conflict use_column
begin
	-- Anyone may call it (the suggestions run as their caller): one index lookup per kind, so no more
	-- kinds than there are, and a point in Belgium like every request's.
	if cardinality(p_kinds) > 6 then
		raise exception using
			errcode = '22023', message = 'Er zijn hoogstens zes soorten aanbod.', hint = 'matching_kinds_known';
	elsif not (p_lat between 49 and 52 and p_lng between 2 and 7) then
		raise exception using
			errcode = '22023', message = 'Kies een plaats in België.', hint = 'matching_point_in_belgium';
	end if;
	return query
	with by_radius as materialized (
		-- Once per kind (offset 0 keeps the kind inside the index lookup): the offer's reach box contains the
		-- point; then the exact great-circle distance (earthdistance's <@> on points, in miles).
		select o.id, o.radius_km,
			(point(o.lng, o.lat) operator(extensions.<@>) point(p_lng, p_lat)) * 1.609344 as distance_km
		from unnest(p_kinds) as k (kind)
		cross join lateral (
			select o.id, o.radius_km, o.lat, o.lng
			from public.offers o
			where o.kind = k.kind
				and o.status = 'active'
				and o.radius_km is not null
				and extensions.earth_box(extensions.ll_to_earth(o.lat, o.lng), (o.radius_km * 1000)::double precision)
					operator(extensions.@>) extensions.ll_to_earth(p_lat, p_lng)
			offset 0
		) o
	)
	-- An offer that reaches the point both ways counts once, as by radius.
	select distinct on (found.id) found.id, found.distance_km, found.reach
	from (
		select b.id, b.distance_km, 'radius' as reach
		from by_radius b
		where b.distance_km <= b.radius_km
		union all
		select o.id, (point(o.lng, o.lat) operator(extensions.<@>) point(p_lng, p_lat)) * 1.609344,
			'municipalities'
		from public.offers o
		where o.area_municipalities @> array[p_municipality_nis]
			and o.status = 'active'
			and o.kind = any (p_kinds)
	) found
	order by found.id, found.reach desc;
end;
$$;

comment on function private.active_offers_reaching(double precision, double precision, text, text[]) is
	'Ids and distances (km) of the active offers of these kinds (at most 6) whose area reaches the point (in Belgium) or lists the municipality; else 22023 with hint matching_kinds_known or matching_point_in_belgium. Security definer for the index (active offers are public anyway); used by match_suggestions() for suggest_offers().';

create function private.open_requests_reached_by(p_offer_id uuid)
returns table (request_id uuid, distance_km double precision, reach text)
language sql
stable
security definer
set search_path = ''
as $$
	select distinct on (found.id) found.id, found.distance_km, found.reach
	from (
		select r.id,
			(point(r.lng, r.lat) operator(extensions.<@>) point(o.lng, o.lat)) * 1.609344 as distance_km,
			'radius' as reach,
			o.radius_km
		from public.offers o
		join public.requests r
			on extensions.ll_to_earth(r.lat, r.lng) operator(extensions.<@)
				extensions.earth_box(extensions.ll_to_earth(o.lat, o.lng), (o.radius_km * 1000)::double precision)
		where o.id = p_offer_id
			and o.status = 'active'
			and r.status = 'open'
			and r.kind = any (private.request_kinds_for_offer(o.kind))
		union all
		select r.id,
			(point(r.lng, r.lat) operator(extensions.<@>) point(o.lng, o.lat)) * 1.609344,
			'municipalities',
			null
		from public.offers o
		join public.requests r on r.municipality_nis = any (o.area_municipalities)
		where o.id = p_offer_id
			and o.status = 'active'
			and r.status = 'open'
			and r.kind = any (private.request_kinds_for_offer(o.kind))
	) found
	where found.radius_km is null or found.distance_km <= found.radius_km
	order by found.id, found.reach desc;
$$;

comment on function private.open_requests_reached_by(uuid) is
	'Ids and distances (km) of the open requests of a matching kind in an active offer''s area (radius or listed municipalities). Security definer for the index (open requests are public anyway); used by match_suggestions() for suggest_requests().';

/**
 * match_suggestion
 * One suggestion: an offer and a request that could meet, with the facts the app scores and explains
 * (src/lib/server/db/matching.ts): the party suggested (its organisation, title and municipality),
 * distance and reach, the first weekly window in which the offer is free when the request needs it and
 * how many minutes overlap, a room's term, the request's period, domains, ages, what is offered against
 * what is needed, the rough rank, and the pair's latest agreement. In public, as the row type of two
 * RPCs, so that the generated types (src/lib/types/database.ts) know its columns.
 */
create type public.match_suggestion as (
	offer_id uuid,
	request_id uuid,
	organisation_id uuid,
	organisation_name text,
	offer_kind text,
	request_kind text,
	title text,
	room_type text,
	municipality_nis text,
	municipality_name text,
	distance_km double precision,
	reach text,
	radius_km integer,
	request_slot_count integer,
	requested_minutes integer,
	overlap_minutes integer,
	overlap_weekday integer,
	overlap_starts time,
	overlap_ends time,
	term_start date,
	term_end date,
	needed_from date,
	needed_until date,
	deadline date,
	offer_domains text[],
	request_domains text[],
	shared_domains text[],
	offer_age_min integer,
	offer_age_max integer,
	request_age_min integer,
	request_age_max integer,
	capacity integer,
	people integer,
	quantity integer,
	amount_eur numeric,
	hours_per_year integer,
	needed_people integer,
	needed_amount_eur numeric,
	needed_quantity text,
	accessible boolean,
	conditions text[],
	fee_eur numeric,
	rank_hint double precision,
	agreement_id uuid,
	agreement_status text
);

comment on type public.match_suggestion is
	'A row of suggest_offers() and suggest_requests(): an offer and a request that could meet, with the facts to score them.';

/**
 * match_suggestions(request, offer, limit)
 * What suggest_offers() and suggest_requests() share; exactly one of the two ids is given, and the rest
 * is the same both ways. The pairs (offer, request) come from the geographic lookups, the nearest few
 * hundred only; then, for each pair: the weekly windows in which both are free (a room's window booked on
 * one of the days it is needed is not free), a room's term against the request's period, shared domains,
 * ages and amounts; the best rough fit first (matching_rank_hint()), at most p_limit (1 to 100).
 * Security invoker: the caller sees only what they may read (an unknown or hidden request or offer gives
 * no rows).
 */
create function private.match_suggestions(p_request_id uuid, p_offer_id uuid, p_limit integer)
returns setof public.match_suggestion
language sql
stable
security invoker
set search_path = ''
as $$
	with reached as (
		-- suggest_offers(): the active offers of a matching kind whose area reaches the open request's place,
		-- found through the indexes. Only the nearest few hundred go on to the per-offer checks (slots, term,
		-- amounts): in a dense region thousands of rooms reach a point, and one 40 km away never belongs among
		-- the suggestions while hundreds are nearer.
		(
			select x.offer_id, r.id as request_id, x.distance_km, x.reach
			from public.requests r
			cross join lateral private.active_offers_reaching(
				r.lat, r.lng, r.municipality_nis, private.offer_kinds_for_request(r.kind)
			) x
			where r.id = p_request_id and r.status = 'open'
			order by x.distance_km
			limit 300
		)
		union all
		-- suggest_requests(): the nearest few hundred open requests of a matching kind in the active offer's
		-- area (within its radius, or in a municipality it lists).
		(
			select o.id, x.request_id, x.distance_km, x.reach
			from public.offers o
			cross join lateral private.open_requests_reached_by(o.id) x
			where o.id = p_offer_id and o.status = 'active'
			order by x.distance_km
			limit 300
		)
	),
	candidates as (
		select
			o.id as offer_id,
			r.id as request_id,
			-- The party suggested: the offer's for suggest_offers(), the request's for suggest_requests().
			case when p_offer_id is null then o.organisation_id else r.organisation_id end as organisation_id,
			o.kind as offer_kind,
			r.kind as request_kind,
			case when p_offer_id is null then o.title else r.title end as title,
			o.room_type,
			case when p_offer_id is null then o.municipality_nis else r.municipality_nis end as municipality_nis,
			x.distance_km,
			x.reach,
			o.radius_km,
			t.slot_count as request_slot_count,
			t.minutes as requested_minutes,
			coalesce(f.minutes, 0) as overlap_minutes,
			f.weekday as overlap_weekday,
			f.starts as overlap_starts,
			f.ends as overlap_ends,
			o.term_start,
			o.term_end,
			r.needed_from,
			r.needed_until,
			r.deadline,
			o.domains as offer_domains,
			r.domains as request_domains,
			array(select d from unnest(r.domains) d where d = any (o.domains) order by d) as shared_domains,
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
		-- What the request asks, week after week, and the windows in which the offer is free then: how many
		-- minutes (at most what was asked; least() would skip a null sum, hence the coalesce) and the first.
		cross join lateral (
			select count(*)::integer as slot_count,
				coalesce(sum(extract(epoch from q.ends_at - q.starts_at) / 60), 0)::integer as minutes
			from public.request_slots q
			where q.request_id = r.id
		) t
		left join lateral (
			select
				least(
					coalesce(sum(extract(epoch from least(s.ends_at, q.ends_at) - greatest(s.starts_at, q.starts_at)) / 60), 0),
					t.minutes
				)::integer as minutes,
				(array_agg(s.weekday order by s.weekday, greatest(s.starts_at, q.starts_at)))[1] as weekday,
				(array_agg(greatest(s.starts_at, q.starts_at) order by s.weekday, greatest(s.starts_at, q.starts_at)))[1]
					as starts,
				(array_agg(least(s.ends_at, q.ends_at) order by s.weekday, greatest(s.starts_at, q.starts_at)))[1]
					as ends
			from public.request_slots q
			join public.offer_slots s
				on s.offer_id = o.id
				and s.weekday = q.weekday
				and s.starts_at < q.ends_at
				and s.ends_at > q.starts_at
			where q.request_id = r.id
				-- A room booked in the window on one of the days a proposal would book is not free then.
				and not (
					o.kind = 'room'
					and private.room_booked(
						o.id, s.weekday, greatest(s.starts_at, q.starts_at), least(s.ends_at, q.ends_at),
						greatest(private.today_in_belgium(), o.term_start, r.needed_from),
						least(o.term_end, r.needed_until)
					)
				)
		) f on true
		-- Rooms whose term is over before the request needs them (or before today), or starts after the
		-- request's last day, are left out.
		where (
				o.kind <> 'room'
				or (
					o.term_end >= greatest(r.needed_from, private.today_in_belgium())
					and (r.needed_until is null or o.term_start <= r.needed_until)
				)
			)
			-- suggest_requests() leaves out the requests past their deadline or last day.
			and (
				p_offer_id is null
				or (
					(r.deadline is null or r.deadline >= private.today_in_belgium())
					and (r.needed_until is null or r.needed_until >= private.today_in_belgium())
				)
			)
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
	select
		c.offer_id, c.request_id, c.organisation_id, g.name, c.offer_kind, c.request_kind, c.title,
		c.room_type, c.municipality_nis, m.name_nl, c.distance_km, c.reach, c.radius_km,
		c.request_slot_count, c.requested_minutes, c.overlap_minutes, c.overlap_weekday, c.overlap_starts,
		c.overlap_ends, c.term_start, c.term_end, c.needed_from, c.needed_until, c.deadline,
		c.offer_domains, c.request_domains, c.shared_domains, c.offer_age_min, c.offer_age_max,
		c.request_age_min, c.request_age_max, c.capacity, c.people, c.quantity, c.amount_eur,
		c.hours_per_year, c.needed_people, c.needed_amount_eur, c.needed_quantity, c.accessible,
		c.conditions, c.fee_eur, c.rank_hint, a.id, a.status
	from ranked c
	join public.organisations g on g.id = c.organisation_id
	join public.municipalities m on m.nis = c.municipality_nis
	left join lateral (
		select a.id, a.status
		from public.agreements a
		where a.request_id = c.request_id and a.offer_id = c.offer_id
		order by a.status in ('proposed', 'accepted') desc, a.created_at desc
		limit 1
	) a on true
	order by c.rank_hint desc, c.distance_km, c.offer_id, c.request_id;
$$;

comment on function private.match_suggestions(uuid, uuid, integer) is
	'The suggestions for an open request (p_request_id) or an active offer (p_offer_id): pairs in reach, with overlapping free weekly window, shared domains, ages and amounts; best rough fit first, at most p_limit (1..100). Security invoker. For suggest_offers() and suggest_requests().';

/**
 * suggest_offers(request, limit), suggest_requests(offer, limit)
 * The active offers that could serve an open request, and the open requests (not past their deadline or
 * last day) that an active offer could serve: match_suggestions() one way or the other. The organisation,
 * title and municipality are the suggested party's. Security invoker.
 */
create function public.suggest_offers(p_request_id uuid, p_limit integer default 10)
returns setof public.match_suggestion
language sql
stable
security invoker
set search_path = ''
as $$
	select * from private.match_suggestions(p_request_id, null, p_limit);
$$;

create function public.suggest_requests(p_offer_id uuid, p_limit integer default 10)
returns setof public.match_suggestion
language sql
stable
security invoker
set search_path = ''
as $$
	select * from private.match_suggestions(null, p_offer_id, p_limit);
$$;

comment on function public.suggest_offers(uuid, integer) is
	'Offers that could serve an open request, with distance, overlapping free weekly window, shared domains, ages and amounts; best rough fit first, at most p_limit (1..100). Security invoker.';
comment on function public.suggest_requests(uuid, integer) is
	'Open requests an active offer could serve, with the same facts as suggest_offers(); best rough fit first, at most p_limit (1..100). Security invoker.';

revoke execute on all functions in schema private from public;
-- The suggestions run as their caller, anyone.
grant execute on function private.match_suggestions(uuid, uuid, integer) to anon, authenticated, service_role;
grant execute on function private.offer_kinds_for_request(text) to anon, authenticated, service_role;
grant execute on function private.request_kinds_for_offer(text) to anon, authenticated, service_role;
grant execute on function private.matching_rank_hint(
	double precision, integer, integer, integer, integer, integer, integer, integer, integer, integer
) to anon, authenticated, service_role;
grant execute on function private.active_offers_reaching(double precision, double precision, text, text[])
	to anon, authenticated, service_role;
grant execute on function private.open_requests_reached_by(uuid) to anon, authenticated, service_role;
revoke execute on function public.suggest_offers(uuid, integer) from public;
revoke execute on function public.suggest_requests(uuid, integer) from public;
grant execute on function public.suggest_offers(uuid, integer) to anon, authenticated, service_role;
grant execute on function public.suggest_requests(uuid, integer) to anon, authenticated, service_role;
