// /gemeenten in one call (public.municipality_index_page(), migration 20261214000100): for searches (with
// the wildcards % and _ typed as letters), every province and Brussels, and pages up to one past the end,
// anonymous visitors and a signed-in person get exactly what the three reads the index made before gave
// them (a page of current_municipalities with an exact count, then the academies and the communities of
// those municipalities); a page size out of range is refused with a hint.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageCount, pageRange } from '$lib/paging';
import { BRUSSELS_NIS_PREFIX, PROVINCES, provinceBySlug } from '$lib/public/provinces';
import {
	listMunicipalityIndex,
	MUNICIPALITIES_PAGE_SIZE,
	type MunicipalityIndexRow
} from '$lib/server/db/communities';
import type { Page } from '$lib/server/db/paging';
import type { Db } from '$lib/server/supabase';
import { anonymousClient, testPeople, type Person } from './people.js';

const people = testPeople('gemeente-index');
let person: Person;

/** The index as it was read before: three calls. */
async function before(
	db: Db,
	{ search, province, page }: { search: string; province: string | null; page: number }
): Promise<Page<MunicipalityIndexRow>> {
	const run = (from: number, to: number) => {
		let query = db
			.from('current_municipalities')
			.select('nis, name_nl, province_nl', { count: 'exact' })
			.in('region', ['VLG', 'BRU']);
		if (search !== '') {
			query = query.ilike('name_nl', `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
		}
		const chosen = province ? provinceBySlug(province) : undefined;
		if (chosen?.provinceNl) query = query.eq('province_nl', chosen.provinceNl);
		else if (chosen) query = query.like('nis', `${BRUSSELS_NIS_PREFIX}%`);
		return query.order('name_nl').order('nis').range(from, to);
	};
	const counted = await run(0, 0);
	if (counted.error) throw counted.error;
	const total = counted.count ?? 0;
	const shown = Math.max(1, Math.min(page, pageCount(total, MUNICIPALITIES_PAGE_SIZE)));
	const { from, to } = pageRange(shown, MUNICIPALITIES_PAGE_SIZE);
	const found = total === 0 ? { data: [], error: null } : await run(from, to);
	if (found.error) throw found.error;
	const places = (found.data ?? []).map((row) => ({
		nis: row.nis!,
		name: row.name_nl!,
		provinceNl: row.province_nl
	}));
	const nis = places.map((place) => place.nis);
	const academies = await db
		.from('organisations')
		.select('municipality_nis')
		.eq('kind', 'academy')
		.in('municipality_nis', nis);
	const communities = await db.rpc('municipality_communities', { p_nis: nis });
	if (academies.error) throw academies.error;
	if (communities.error) throw communities.error;
	return {
		rows: places.map((place) => {
			const community = communities.data.find((row) => row.municipality_nis === place.nis);
			return {
				...place,
				academies: academies.data.filter((row) => row.municipality_nis === place.nis).length,
				community: community
					? { id: community.community_id, members: Number(community.members) }
					: null
			};
		}),
		total,
		page: shown,
		pageCount: pageCount(total, MUNICIPALITIES_PAGE_SIZE)
	};
}

beforeAll(async () => {
	person = await people.signUp('bezoeker');
});

afterAll(async () => {
	await people.remove();
});

describe('municipality_index_page', () => {
	const searches = ['', 'ge', 'Sint-', 'an', '%', '_', 'a\\b', 'Atlantis'];
	const provinces = [null, ...PROVINCES.map((province) => province.slug)];

	it('gives what the three reads gave, for every search, province and page', async () => {
		let seen = { academies: 0, communities: 0, rows: 0 };
		for (const [who, db] of [
			['anonymous', anonymousClient()],
			['signed in', person.client]
		] as const) {
			for (const search of searches) {
				for (const province of provinces) {
					for (const page of [1, 2, 999]) {
						const asked = { search, province, page };
						const expected = await before(db as Db, asked);
						const got = await listMunicipalityIndex(db as Db, asked);
						expect(got, `${who}, ${JSON.stringify(asked)}`).toEqual(expected);
						seen = {
							academies: seen.academies + got.rows.filter((row) => row.academies > 0).length,
							communities: seen.communities + got.rows.filter((row) => row.community).length,
							rows: seen.rows + got.rows.length
						};
					}
				}
			}
		}
		// The comparisons saw rows with academies and with a community, not only empty pages.
		expect(seen.rows).toBeGreaterThan(1000);
		expect(seen.academies).toBeGreaterThan(0);
		expect(seen.communities).toBeGreaterThan(0);
	});

	// PostgREST's ilike read * as a wildcard too: the index listed every municipality for it.
	it('takes %, _ and * as letters: no municipality has them in its name', async () => {
		for (const search of ['%', '_', '*']) {
			const page = await listMunicipalityIndex(anonymousClient() as Db, {
				search,
				province: null,
				page: 1
			});
			expect(page, search).toMatchObject({ rows: [], total: 0, page: 1 });
		}
	});

	it.each([0, 101])('refuses a page size of %i with a hint', async (size) => {
		const { error } = await anonymousClient().rpc('municipality_index_page', {
			p_page: 1,
			p_page_size: size
		});
		expect(error?.code).toBe('22023');
		expect(error?.hint).toBe('page_size_range');
	});
});
