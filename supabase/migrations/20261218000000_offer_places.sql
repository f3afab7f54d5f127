-- The places each active offer reaches, stored, so that a community's page reads its newest offers from an
-- index instead of testing every active offer against every place of the community.
--
-- Why: community_offer_ids() (20261203001000) asked, for each active offer of the platform, whether it is
-- located in one of the community's places, lists one in its area or reaches one's centre within its radius,
-- then sorted them all by age for the newest six. With bench:matching's offers (places weighted by
-- population, radii per kind) at 42 600 active offers, that took 77–108 ms per community page, for
-- Antwerpen, Westhoek and a one-place community alike; reading the same offers through the reach-box, area
-- and municipality indexes took 28–90 ms, since the big radii (funding, 100 km) reach most places and the
-- newest six need every reaching offer sorted. Stored as (place, created_at, offer), the newest six of a
-- place are the first six entries of one index range: 0.2–0.3 ms for both, the same list for every
-- community of the seed at any limit. The price: one row per place an active offer reaches (53 per offer
-- with those radii: 2.3 million rows, 400 MB with both indexes, at 42 600 active offers), and 4–9 ms more
-- to save an offer that reaches some hundred places.
--
-- The rows are written by a trigger on offers for the offer that changed, so two writers of one offer are
-- ordered by its row lock. They follow the municipalities' centres: a statement that adds, removes or moves
-- municipalities writes them all anew (offer_places_rebuild(); municipalities change with migrations only).

create table private.offer_places (
	offer_id uuid not null references public.offers (id) on delete cascade,
	municipality_nis text not null,
	created_at timestamptz not null,
	primary key (offer_id, municipality_nis)
);

comment on table private.offer_places is
	'The places (municipalities, historical ones too) each active offer reaches: located there, listed in its area or within its radius of the centre; kept by keep_offer_places() and offer_places_rebuild(). Read by offers_newest_reaching().';

-- A place's newest offers first: the order of the community pages.
create index offer_places_newest_idx on private.offer_places (municipality_nis, created_at desc, offer_id);

-- Row-level security without policies and no grants: only the definer functions below read or write it.
alter table private.offer_places enable row level security;
revoke all on private.offer_places from public, anon, authenticated, service_role;

/**
 * places_reached(municipality, area, lat, lng, radius)
 * The municipalities an offer with this place and area reaches: its own, those listed in its area, and those
 * whose centre lies within its radius (great-circle distance, earthdistance's <@> in miles). The rule of the
 * former community_offer_ids(), for one offer.
 */
create function private.places_reached(
	p_municipality_nis text,
	p_area_municipalities text[],
	p_lat double precision,
	p_lng double precision,
	p_radius_km integer
)
returns setof text
language sql
stable
set search_path = ''
as $$
	select m.nis
	from public.municipalities m
	where m.nis = p_municipality_nis
		or m.nis = any (p_area_municipalities)
		or (
			p_radius_km is not null and m.lat is not null
			and (point(p_lng, p_lat) operator(extensions.<@>) point(m.lng, m.lat)) * 1.609344 <= p_radius_km
		);
$$;

comment on function private.places_reached(text, text[], double precision, double precision, integer) is
	'The municipalities an offer reaches: its own, those in its area, those whose centre lies within its radius. Security invoker; for the offer places.';

/**
 * keep_offer_places()
 * After an offer is inserted, or updated in what decides its places or whether it counts: its stored places
 * again, none unless it is active.
 */
create function private.keep_offer_places()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	if tg_op = 'UPDATE' then
		delete from private.offer_places where offer_id = old.id;
	end if;
	if new.status = 'active' then
		insert into private.offer_places (offer_id, municipality_nis, created_at)
		select new.id, p.nis, new.created_at
		from private.places_reached(
			new.municipality_nis, new.area_municipalities, new.lat, new.lng, new.radius_km
		) p (nis);
	end if;
	return null;
end;
$$;

comment on function private.keep_offer_places() is
	'Trigger: writes an offer''s rows of private.offer_places anew (none unless active). Security definer: the offer''s writer has no rights on the private table.';

create trigger offers_keep_places_insert
	after insert on public.offers
	for each row execute function private.keep_offer_places();

create trigger offers_keep_places_update
	after update of status, municipality_nis, area_municipalities, lat, lng, radius_km, created_at
	on public.offers
	for each row
	when (
		(old.status, old.municipality_nis, old.area_municipalities, old.lat, old.lng, old.radius_km, old.created_at)
		is distinct from
		(new.status, new.municipality_nis, new.area_municipalities, new.lat, new.lng, new.radius_km, new.created_at)
	)
	execute function private.keep_offer_places();

/**
 * offer_places_rebuild()
 * Every stored place anew, after the municipalities changed (their centres, new or merged ones). Owner only.
 */
create function private.offer_places_rebuild()
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
	-- Writers of offers already under way finish first, new ones wait (share mode): none of their rows is
	-- lost or doubled, and none waits on this rebuild while holding a lock it needs.
	lock table public.offers in share mode;
	lock table private.offer_places in exclusive mode;
	delete from private.offer_places;
	insert into private.offer_places (offer_id, municipality_nis, created_at)
	select o.id, p.nis, o.created_at
	from public.offers o
	cross join lateral private.places_reached(
		o.municipality_nis, o.area_municipalities, o.lat, o.lng, o.radius_km
	) p (nis)
	where o.status = 'active';
end;
$$;

comment on function private.offer_places_rebuild() is
	'Writes every row of private.offer_places anew from the active offers and the municipalities. Security definer, owner only; called by the trigger on municipalities.';

/**
 * offer_places_municipalities_changed()
 * After a statement that adds, removes or moves municipalities: every stored place anew.
 */
create function private.offer_places_municipalities_changed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	perform private.offer_places_rebuild();
	return null;
end;
$$;

comment on function private.offer_places_municipalities_changed() is
	'Trigger: after municipalities are added, removed or moved, writes private.offer_places anew (offer_places_rebuild()). Security definer.';

create trigger municipalities_offer_places
	after insert or delete or update of nis, lat, lng or truncate on public.municipalities
	for each statement execute function private.offer_places_municipalities_changed();

select private.offer_places_rebuild();

/**
 * offers_newest_reaching(places, limit)
 * Ids of the newest active offers (by created_at, then id) that reach one of these municipalities, at most
 * p_limit (1 to 100): each place's newest from the index, then the newest of those. Security definer for the
 * private table; it tells only ids of active offers, which anyone reads anyway. At most 600 places (there
 * are fewer municipalities), else 22023.
 */
create function private.offers_newest_reaching(p_places text[], p_limit integer)
returns setof uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
	wanted integer := least(greatest(coalesce(p_limit, 12), 1), 100);
begin
	if cardinality(p_places) > 600 then
		raise exception using
			errcode = '22023', message = 'Hoogstens 600 gemeenten.', hint = 'offer_places_too_many';
	end if;
	-- An offer among the newest of all places is among the newest of the place it reaches: fewer than
	-- `wanted` reaching offers are newer than it, in that place too.
	return query
	select x.offer_id
	from (select distinct unnest(p_places) as nis) places
	cross join lateral (
		select r.offer_id, r.created_at
		from private.offer_places r
		where r.municipality_nis = places.nis
		order by r.created_at desc, r.offer_id
		limit wanted
	) x
	group by x.offer_id, x.created_at
	order by x.created_at desc, x.offer_id
	limit wanted;
end;
$$;

comment on function private.offers_newest_reaching(text[], integer) is
	'Ids of the newest active offers that reach one of the municipalities (at most 600, else 22023 with hint offer_places_too_many), at most 100. Security definer for private.offer_places (ids of active offers only); called by community_offer_ids().';

/**
 * community_offer_ids(community, limit)
 * The active offers that reach one of the community's places: located in it, listing it in their area, or
 * reaching its centre within their radius. Newest first, at most p_limit (1 to 100). Security invoker: the
 * community's places are read under the caller's policies (nothing for a community they may not read).
 */
create or replace function public.community_offer_ids(p_community_id uuid, p_limit integer default 12)
returns setof uuid
language sql
stable
set search_path = ''
as $$
	select reaching.id
	from private.offers_newest_reaching(
		array(
			select cmu.municipality_nis from public.community_municipalities cmu
			where cmu.community_id = p_community_id
		),
		p_limit
	) reaching (id);
$$;

revoke execute on all functions in schema private from public;
-- community_offer_ids() runs as its caller, the community pages' visitors too.
grant execute on function private.offers_newest_reaching(text[], integer) to anon, authenticated, service_role;
