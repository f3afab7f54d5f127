// @ts-check
// Events: the scheduled events of active communities, until their last day (search_documents('events')).
import { m } from '../../../paraglide/messages.js';
import { SUGGEST_LIMIT, defineSearchType, text } from './declaration.js';

export default defineSearchType({
	uid: 'events',
	types: {
		event: { plural: m.gp_type_event, singular: m.gp_type_one_event }
	},
	filterable: ['start_ts', 'end_ts'],
	sortable: ['start_ts'],
	facets: ['type', 'province', 'municipality_nis'],
	filters: ['types', 'provinces', 'municipalities'],
	// People look for something to go to: an event that has ended is left out.
	standingFilter: (today) => `end_ts >= ${today}`,
	retrieve: ['start_date', 'end_date', 'start_ts'],
	suggestLimit: SUGGEST_LIMIT,
	row: (document) => ({
		startDate: text(document.start_date),
		endDate: text(document.end_date)
	})
});
