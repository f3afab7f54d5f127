-- Issue 15: the pages of a community and of a municipality cost Postgres 3.0 and 2.9 ms of CPU a request in
-- the last `bench:pages`, the most of any page. Two causes, found by timing each part of community_page()
-- and municipality_page() in a loop of 1 000 calls in one session (as anon, psql):
--
-- 1. community_offer_ids() was a SQL function with a SET clause, so Postgres could not inline it and
--    planned its query afresh on every call (a PL/pgSQL function keeps its plans for the session), and it
--    promised the planner 1 000 rows (the default), so community_page() joined its six ids to the offers,
--    organisations and municipalities by reading each table whole into a hash. As PL/pgSQL with ROWS 12
--    (its callers ask 6 or 12): the offers of a community's page 278 -> 138-165 µs, the whole of
--    community_page() for Antwerpen 1.26-1.42 -> 0.80-0.89 ms (three loops each).
-- 2. The nearby parts of municipality_page() (academies, activities and municipalities within the box
--    around the place) read organisations, activities and municipalities whole, filtering on lat and lng:
--    with an index on lat each reads only the band of the box (activities 211 -> 139 µs, municipalities
--    137 -> 72, academies 106 -> 86; the whole page 1.07-1.19 -> 0.90 ms). A GiST index on the point was
--    slower at this size (242 µs for the activities) and needs the queries rewritten. At the page's 15 km
--    the band is 0.27 degrees, about a third of Flanders and Brussels from south to north (50.71 to 51.45).
--
-- Each call in its own transaction, as PostgREST makes it (pgbench, 3 000 transactions of begin, role,
-- claims, the call and commit; three rounds, before and after in turn): community_page() for Antwerpen
-- 1.71, 1.64, 1.89 -> 1.67, 1.25, 1.62 ms, municipality_overview() for Gent 1.70, 1.93, 2.21 -> 1.60, 1.49,
-- 1.78 ms. Postgres' CPU per call through PostgREST (1 500 calls, 4 at a time, from /proc): Antwerpen's
-- community 2.77, 2.95, 2.57 -> 1.96, 1.93, 2.25 ms, the Westhoek 2.17, 1.99, 2.03 -> 1.60, 1.74, 2.05,
-- Gent 2.57, 2.71, 2.50 -> 2.92, 2.12, 2.22 (the first run after creating the indexes the slowest).
--
-- Same answers: community_offer_ids() returns the same ids in the same order (the rows of
-- offers_newest_reaching() as they come): tests/integration/db/offer-places.test.ts compares its ids and
-- their order with the rule itself over every active offer; community-page.test.ts and
-- municipality-page.test.ts compare the pages with the separate reads. An index never changes a result.

create or replace function public.community_offer_ids(p_community_id uuid, p_limit integer default 12)
returns setof uuid
language plpgsql
stable
set search_path = ''
rows 12
as $$
begin
	return query
	select reaching.id
	from private.offers_newest_reaching(
		array(
			select cmu.municipality_nis from public.community_municipalities cmu
			where cmu.community_id = p_community_id
		),
		p_limit
	) reaching (id);
end;
$$;

create index activities_lat_idx on public.activities (lat);
create index organisations_lat_idx on public.organisations (lat);
create index municipalities_lat_idx on public.municipalities (lat);
