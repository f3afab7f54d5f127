// @ts-check
// Requests: what academies ask for, while open or in progress (search_documents('requests')).
import { m } from '../../../paraglide/messages.js';
import {
	SHARED_FACETS,
	SHARED_FILTERS,
	SUGGEST_LIMIT,
	defineSearchType,
	text
} from './declaration.js';

export default defineSearchType({
	uid: 'requests',
	types: {
		request: { plural: m.zk_type_request, singular: m.zk_type_one_request }
	},
	filterable: ['weekdays', 'kind', 'status', 'deadline_ts'],
	sortable: ['deadline_ts'],
	facets: [...SHARED_FACETS, 'ages', 'stem', 'weekdays', 'kind'],
	filters: [...SHARED_FILTERS, 'days', 'kinds'],
	// A request past its deadline can no longer be answered.
	standingFilter: (today) => `(deadline_ts IS NULL OR deadline_ts >= ${today})`,
	retrieve: ['kind'],
	suggestLimit: SUGGEST_LIMIT,
	row: (document) => ({ kind: text(document.kind) })
});
