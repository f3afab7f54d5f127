// @ts-check
// Organisations: academies, schools, companies and partners, one index (search_documents('organisations')).
import { m } from '../../../paraglide/messages.js';
import { SHARED_FACETS, SHARED_FILTERS, SUGGEST_LIMIT, defineSearchType } from './declaration.js';

export default defineSearchType({
	uid: 'organisations',
	types: {
		academy: { plural: m.zk_type_academy, singular: m.zk_type_one_academy },
		school: { plural: m.zk_type_school, singular: m.zk_type_one_school },
		company: { plural: m.zk_type_company, singular: m.zk_type_one_company },
		partner: { plural: m.zk_type_partner, singular: m.zk_type_one_partner }
	},
	filterable: ['quality_label'],
	sortable: [],
	facets: [...SHARED_FACETS, 'ages', 'stem', 'quality_label'],
	filters: [...SHARED_FILTERS, 'labels'],
	retrieve: [],
	// Four types share the index: the header box groups the hits by type afterwards.
	suggestLimit: SUGGEST_LIMIT * 2,
	row: () => ({})
});
