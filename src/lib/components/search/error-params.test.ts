import {
	parseSearchParams,
	SEARCH_PARAMS,
	SearchInputError
} from '$lib/server/search/query-params';
import { describe, expect, it } from 'vitest';
import { FILTER_PARAMS, keptFilters } from './error-params';

const GOOD = 'type=activity&provincie=vlaams-brabant&leeftijd=10&binnen=10&van=24062&sorteer=datum';

/** The parameter the server names in its 400 (as +page.server.ts does). */
function errorOf(params: URLSearchParams): string {
	try {
		parseSearchParams(params);
	} catch (error) {
		if (error instanceof SearchInputError) return error.param;
		throw error;
	}
	throw new Error(`no error for ${params}`);
}

/** What the error page's form sends again: the visible q plus the kept filters. */
function resubmitted(params: URLSearchParams): URLSearchParams {
	const next = new URLSearchParams(keptFilters(params, 400, errorOf(params)));
	next.set('q', (params.get('q') ?? '').slice(0, 200));
	return next;
}

describe('keptFilters', () => {
	it('lists every search parameter but q and pagina', () => {
		const names = Object.values(SEARCH_PARAMS).filter((name) => name !== 'q' && name !== 'pagina');
		expect([...FILTER_PARAMS].sort()).toEqual(names.sort());
	});

	it.each([
		['domein', 'domein=techniek%22%20OR%20type%20%3D%20%22x'],
		['provincie', 'provincie=atlantis'],
		['type', 'type=castle'],
		['gemeente', 'gemeente=123'],
		['formaat', 'formaat=zeppelin'],
		['leeftijd', 'leeftijd=140'],
		['stem', 'stem=X'],
		['dag', 'dag=9'],
		['soort', 'soort=unicorn'],
		['sorteer', 'sorteer=random'],
		['weergave', 'weergave=3d'],
		['pagina', 'pagina=999']
	])('drops the bad %s and keeps the rest, so the search runs again', (name, bad) => {
		const params = new URLSearchParams(`q=robot&${GOOD}&${bad}`);
		const kept = keptFilters(params, 400, errorOf(params));
		expect(kept.map(([key]) => key)).not.toContain(name);
		expect(kept.length).toBeGreaterThanOrEqual(name === 'type' || name === 'sorteer' ? 4 : 5);
		expect(() => parseSearchParams(resubmitted(params))).not.toThrow();
	});

	it('drops a bad distance, and a distance or distance sort without a centre', () => {
		for (const search of ['binnen=900&van=24062', 'binnen=10', 'sorteer=afstand&domein=techniek']) {
			const params = new URLSearchParams(search);
			expect(() => parseSearchParams(resubmitted(params))).not.toThrow();
		}
		const noCentre = new URLSearchParams('binnen=10&domein=techniek');
		expect(keptFilters(noCentre, 400, errorOf(noCentre))).toEqual([['domein', 'techniek']]);
	});

	it('keeps the filters when only q is too long', () => {
		const params = new URLSearchParams(`q=${'a'.repeat(300)}&provincie=limburg`);
		expect(keptFilters(params, 400, errorOf(params))).toEqual([['provincie', 'limburg']]);
		expect(() => parseSearchParams(resubmitted(params))).not.toThrow();
	});

	it('keeps nothing for a 400 that names no parameter and everything known when the search is down', () => {
		const params = new URLSearchParams(`q=robot&${GOOD}&pagina=2&onbekend=1`);
		expect(keptFilters(params, 400, undefined)).toEqual([]);
		expect(keptFilters(params, 503, undefined).map(([name]) => name)).toEqual([
			'type',
			'provincie',
			'leeftijd',
			'binnen',
			'van',
			'sorteer'
		]);
	});
});
