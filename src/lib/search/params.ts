// The search page's URL parameters, shared by the server's parser and the pages (server and browser).

/** The URL parameters, in Dutch because people see and share them. */
export const SEARCH_PARAMS = {
	q: 'q',
	types: 'type',
	provinces: 'provincie',
	municipalities: 'gemeente',
	domains: 'domein',
	formats: 'formaat',
	ages: 'leeftijd',
	stem: 'stem',
	days: 'dag',
	kinds: 'soort',
	labels: 'kwaliteitslabel',
	radiusKm: 'binnen',
	centre: 'van',
	sort: 'sorteer',
	page: 'pagina',
	view: 'weergave'
} as const;
export type SearchField = keyof typeof SEARCH_PARAMS;
