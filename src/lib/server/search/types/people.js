// @ts-check
// People: only those who made their profile public, with their name, personas, municipality and the
// interests of a public helper profile; never an e-mail address (search_documents('people')).
import { m } from '../../../paraglide/messages.js';
import { SUGGEST_LIMIT, defineSearchType } from './declaration.js';

export default defineSearchType({
	uid: 'people',
	types: {
		person: { plural: m.gp_type_person, singular: m.gp_type_one_person }
	},
	filterable: [],
	sortable: [],
	facets: ['type', 'province', 'municipality_nis'],
	filters: ['types', 'provinces', 'municipalities'],
	retrieve: [],
	suggestLimit: SUGGEST_LIMIT,
	row: () => ({})
});
