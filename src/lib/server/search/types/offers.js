// @ts-check
// Offers: rooms, volunteers and other help that schools, companies and partners offer while active
// (search_documents('offers')).
import { m } from '../../../paraglide/messages.js';
import {
	SHARED_FACETS,
	SHARED_FILTERS,
	SUGGEST_LIMIT,
	defineSearchType,
	text
} from './declaration.js';

export default defineSearchType({
	uid: 'offers',
	types: {
		offer: { plural: m.zk_type_offer, singular: m.zk_type_one_offer }
	},
	// `kind` holds the kind of offer, another vocabulary than the requests' kind: offers take no "soort".
	filterable: ['weekdays', 'kind'],
	sortable: [],
	facets: [...SHARED_FACETS, 'weekdays'],
	filters: [...SHARED_FILTERS, 'days'],
	retrieve: ['kind'],
	suggestLimit: SUGGEST_LIMIT,
	row: (document) => ({ kind: text(document.kind) })
});
