// Rules every table, view and function in the public schema must follow, checked in the catalog so that
// a later migration that forgets one fails here instead of leaking data through the API.
import { afterAll, describe, expect, it } from 'vitest';
import { asCaller } from './as-caller.js';
import { testPeople } from './people.js';

const people = testPeople('schema');

afterAll(() => people.remove());

describe('the public schema', () => {
	it('has row level security enabled on every table', async () => {
		const rows = await people.query<{ table: string }>(`
			select c.relname as table
			from pg_class c
			join pg_namespace n on n.oid = c.relnamespace
			where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relrowsecurity
			order by 1
		`);
		expect(rows.map((row) => row.table)).toEqual([]);
	});

	it('has a comment on every table and view', async () => {
		const rows = await people.query<{ relation: string }>(`
			select c.relname as relation
			from pg_class c
			join pg_namespace n on n.oid = c.relnamespace
			where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm')
				and obj_description(c.oid, 'pg_class') is null
			order by 1
		`);
		expect(rows.map((row) => row.relation)).toEqual([]);
	});

	it('only has views that apply the row level security of the person asking', async () => {
		const rows = await people.query<{ view: string }>(`
			select c.relname as view
			from pg_class c
			join pg_namespace n on n.oid = c.relnamespace
			where n.nspname = 'public' and c.relkind = 'v'
				and not coalesce('security_invoker=true' = any(c.reloptions), false)
				and not coalesce('security_invoker=on' = any(c.reloptions), false)
			order by 1
		`);
		expect(rows.map((row) => row.view)).toEqual([]);
	});

	it('fixes the search_path of every security definer function', async () => {
		const rows = await people.query<{ fn: string }>(`
			select p.proname as fn
			from pg_proc p
			join pg_namespace n on n.oid = p.pronamespace
			where n.nspname = 'public' and p.prosecdef
				and not exists (
					select 1 from unnest(coalesce(p.proconfig, '{}')) as setting
					where setting like 'search_path=%'
				)
			order by 1
		`);
		expect(rows.map((row) => row.fn)).toEqual([]);
	});

	// posts.is_public is kept by triggers (20261217000000_posts_public_kept.sql) for the public read policy:
	// whatever every suite and the seed wrote, it says what post_is_public() says.
	it("keeps every post's is_public equal to whether it is shared to an active community", async () => {
		const rows = await people.query<{ id: string }>(
			`select id from public.posts where is_public is distinct from private.post_is_public(id)`
		);
		expect(rows).toEqual([]);
	});

	// private.offer_places is kept by triggers on offers (20261218000000_offer_places.sql) for the community
	// pages: whatever every suite and the seed wrote, an active offer's stored places are the places it
	// reaches, and nothing else is stored. One statement, so one snapshot of offers and their places.
	it('keeps the stored places of every offer equal to the places it reaches, none unless active', async () => {
		const rows = await people.query<{ id: string }>(`
			select o.id from public.offers o
			where array(
				select r.municipality_nis from private.offer_places r where r.offer_id = o.id order by 1
			) is distinct from array(
				select p.nis
				from private.places_reached(o.municipality_nis, o.area_municipalities, o.lat, o.lng, o.radius_km) p (nis)
				where o.status = 'active'
				order by 1
			)
		`);
		expect(rows).toEqual([]);
		const stray = await people.query<{ count: string }>(
			`select count(*) from private.offer_places r where not exists (
				select 1 from public.offers o where o.id = r.offer_id and o.created_at = r.created_at
			)`
		);
		expect(stray).toEqual([{ count: '0' }]);
	});

	it('names the roles of every policy explicitly instead of leaving them to public', async () => {
		const rows = await people.query<{ policy: string }>(`
			select tablename || ': ' || policyname as policy
			from pg_policies
			where schemaname = 'public' and roles = '{public}'
			order by 1
		`);
		expect(rows.map((row) => row.policy)).toEqual([]);
	});

	// Permissive policies are ORed in the reverse order of their names, and the executor stops at the first
	// true term: the condition anyone may read comes first, so a signed-in read of a public row does not
	// first build the lists of the person's agreements and organisations or ask per row whether they host
	// its community (20261209000500_public_policies_first.sql). Each filter starts as written here.
	it.each([
		['requests', "(status = ANY ('{open,in_progress}'::text[])) OR "],
		['offers', "(status = 'active'::text) OR "],
		['activities', "(status = ANY ('{published,cancelled}'::text[])) OR "],
		['communities', "(status = 'active'::text) OR "],
		['posts', "((status = 'visible'::text) AND is_public) OR "],
		['post_comments', "((status = 'visible'::text) AND (ANY (post_id = "],
		['helper_profiles', "((visibility <> 'private'::text) AND private.helper_profile_readable("]
	])('checks the public condition of %s first for a signed-in person', async (table, start) => {
		const person = await people.signUp(`order-${table}`);
		const { rows, error } = await asCaller<{ 'QUERY PLAN': string }>(
			person,
			`explain (costs off) select 1 from public.${table}`
		);
		expect(error).toBeNull();
		const filter = rows
			?.map((row) => row['QUERY PLAN'].trim())
			.find((line) => line.startsWith('Filter:'));
		const first = `Filter: (${start}`;
		expect(filter?.slice(0, first.length)).toBe(first);
	});

	// A SQL function with a SET clause is planned again on every call (never inlined); the functions a page
	// calls on every request are PL/pgSQL with a generic plan kept for the connection instead
	// (20261208000300_generic_plans.sql, 20261226000000_page_functions_plpgsql.sql,
	// 20261227000000_policy_functions_plpgsql.sql).
	it('keeps the plans of the functions pages call on every request', async () => {
		const pageFunctions = [
			'private.managed_organisation',
			'private.match_suggestions',
			'private.offers_reaching_request_ranked',
			'private.open_request_asked',
			'public.academy_page',
			'public.account_header',
			'public.agreement_page',
			'public.community_page',
			'public.event_page',
			'public.event_summary',
			'public.home_overview',
			'public.municipality_page',
			'public.my_agreements_page',
			'public.organisation_offers_page',
			'public.organisation_request_page',
			'public.organisation_requests_page',
			'public.person_page',
			'public.post_page',
			'public.request_view_page'
		];
		const rows = await people.query<{ fn: string; language: string; generic: boolean }>(
			`select n.nspname || '.' || p.proname as fn, l.lanname as language,
				coalesce('plan_cache_mode=force_generic_plan' = any(p.proconfig), false) as generic
			from pg_proc p
			join pg_namespace n on n.oid = p.pronamespace
			join pg_language l on l.oid = p.prolang
			where n.nspname || '.' || p.proname = any($1)
			order by 1`,
			[pageFunctions]
		);
		expect(rows).toEqual(pageFunctions.map((fn) => ({ fn, language: 'plpgsql', generic: true })));
	});

	// A read policy calls its functions once per statement that reads its table: a SQL function with a SET
	// clause or security definer (never inlined) would be planned that often. Those functions are PL/pgSQL
	// instead (20261227000000_policy_functions_plpgsql.sql); the catalog records what each policy calls.
	it('plans no function a read policy calls again on every call', async () => {
		const rows = await people.query<{ fn: string }>(`
			select distinct p.oid::regprocedure::text as fn
			from pg_policy pol
			join pg_depend d on d.classid = 'pg_policy'::regclass and d.objid = pol.oid
				and d.refclassid = 'pg_proc'::regclass
			join pg_proc p on p.oid = d.refobjid
			join pg_language l on l.oid = p.prolang
			where pol.polcmd in ('r', '*') and l.lanname = 'sql'
				and (p.proconfig is not null or p.prosecdef)
			order by 1
		`);
		expect(rows.map((row) => row.fn)).toEqual([]);
		// and the rule sees what the policies call: the network staff's function among them
		const [called] = await people.query<{ calls: boolean }>(`
			select exists (
				select 1 from pg_policy pol
				join pg_depend d on d.classid = 'pg_policy'::regclass and d.objid = pol.oid
				where d.refclassid = 'pg_proc'::regclass
					and d.refobjid = 'public.is_network_staff()'::regprocedure
			) as calls
		`);
		expect(called?.calls).toBe(true);
	});
});
