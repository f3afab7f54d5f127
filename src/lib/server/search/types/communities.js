// @ts-check
// Communities: the active local STEM communities of a municipality or region, with their places and
// member counts (search_documents('communities')).
import { m } from '../../../paraglide/messages.js';
import { SUGGEST_LIMIT, defineSearchType } from './declaration.js';

export default defineSearchType({
	uid: 'communities',
	types: {
		community: { plural: m.gp_type_community, singular: m.gp_type_one_community }
	},
	filterable: [],
	sortable: [],
	facets: ['type', 'province', 'municipality_nis'],
	// A community has no domains, ages or letters of its own: choosing one leaves communities out.
	filters: ['types', 'provinces', 'municipalities'],
	retrieve: [],
	suggestLimit: SUGGEST_LIMIT,
	row: () => ({})
});
