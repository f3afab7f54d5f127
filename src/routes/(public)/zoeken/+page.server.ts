import { municipalityLabel } from '$lib/municipalities';
import { m } from '$lib/paraglide/messages';
import {
	municipalityDirectory,
	resolveCentre,
	type MunicipalityDirectory
} from '$lib/server/search/municipality-centroids';
import {
	parseSearchParams,
	SearchInputError,
	type Centre,
	type SearchQuery
} from '$lib/server/search/query-params';
import { SearchUnavailableError } from '$lib/server/search/run-search';
import { resultMap } from '$lib/server/search/search-map';
import { centreFor, search } from '$lib/server/search/search-service';
import { FILTER_FIELDS } from '$lib/server/search/facets';
import { activeFilters, facetGroups, pageLinks, searchHref } from '$lib/server/search/search-view';
import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

/** A municipality typed in the form ("Gent — Oost-Vlaanderen") becomes its NIS code in the shared URL. */
function canonicalCentre(query: SearchQuery, directory: MunicipalityDirectory): string | null {
	if (query.centre?.kind !== 'typed') return null;
	const centre = resolveCentre(query.centre, directory, undefined);
	return searchHref(query, { centre: { kind: 'nis', nis: centre.nis } });
}

export const load = (async ({ url, locals }) => {
	let query: SearchQuery;
	let centre: Centre | null;
	let directory: MunicipalityDirectory;
	try {
		directory = await municipalityDirectory(locals.supabase);
	} catch (cause) {
		// Without the municipalities (the database is away) the page cannot name places: unavailable.
		console.error('search page: municipalities unavailable:', cause);
		error(503, m.zk_error_unavailable());
	}
	try {
		query = parseSearchParams(url.searchParams);
		const canonical = canonicalCentre(query, directory);
		if (canonical) redirect(303, canonical);
		centre = await centreFor(locals.supabase, locals.user, query);
	} catch (cause) {
		if (cause instanceof SearchInputError) {
			error(400, { message: cause.message, param: cause.param });
		}
		throw cause;
	}

	let results;
	try {
		results = await search(query, centre);
	} catch (cause) {
		if (cause instanceof SearchUnavailableError) {
			console.error('search unavailable:', cause.detail);
			error(503, cause.message);
		}
		throw cause;
	}

	const nameOf = (nis: string) => directory.byNis.get(nis)?.name;
	const centrePlace = centre ? directory.byNis.get(centre.nis) : undefined;
	return {
		query,
		hits: results.hits,
		total: results.total,
		exact: results.exact,
		pageCount: results.pageCount,
		facets: facetGroups(query, results.facets, nameOf),
		active: activeFilters(query, nameOf, centre),
		pages: pageLinks(query, results.pageCount),
		clearHref: searchHref(query, {
			...Object.fromEntries(FILTER_FIELDS.map((field) => [field, []])),
			radiusKm: null,
			centre: null,
			sort: query.sort === 'afstand' ? 'relevantie' : query.sort,
			page: 1
		}),
		previousHref: query.page > 1 ? searchHref(query, { page: query.page - 1 }) : null,
		nextHref: query.page < results.pageCount ? searchHref(query, { page: query.page + 1 }) : null,
		listHref: searchHref(query, { view: 'lijst' }),
		mapHref: searchHref(query, { view: 'kaart' }),
		ownCentreHref: locals.user
			? searchHref(query, { centre: { kind: 'me' }, radiusKm: query.radiusKm ?? 15, page: 1 })
			: null,
		centreLabel: centrePlace ? municipalityLabel(centrePlace) : '',
		centreName: centre?.name ?? null,
		map: query.view === 'kaart' ? resultMap(results.hits) : null
	};
}) satisfies PageServerLoad;
