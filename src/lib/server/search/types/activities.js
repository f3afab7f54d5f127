// @ts-check
// Activities: the published activities of academies, until their last day (search_documents('activities')).
import { m } from '../../../paraglide/messages.js';
import {
	SHARED_FACETS,
	SHARED_FILTERS,
	SUGGEST_LIMIT,
	defineSearchType,
	text
} from './declaration.js';

export default defineSearchType({
	uid: 'activities',
	types: {
		activity: { plural: m.zk_type_activity, singular: m.zk_type_one_activity }
	},
	filterable: ['format', 'quality_label', 'start_ts', 'end_ts'],
	sortable: ['start_ts'],
	facets: [...SHARED_FACETS, 'format', 'ages', 'stem', 'quality_label'],
	filters: [...SHARED_FILTERS, 'formats', 'labels'],
	// People look for something to take part in: an activity that has ended is left out.
	standingFilter: (today) => `end_ts >= ${today}`,
	retrieve: ['start_date', 'end_date', 'start_ts', 'format'],
	suggestLimit: SUGGEST_LIMIT,
	row: (document) => ({
		startDate: text(document.start_date),
		endDate: text(document.end_date),
		format: text(document.format)
	})
});
