// @ts-check
// Posts and good practices: the visible posts of active communities; a good practice with its letters,
// domains, ages and format (search_documents('posts')).
import { m } from '../../../paraglide/messages.js';
import {
	SHARED_FACETS,
	SHARED_FILTERS,
	SUGGEST_LIMIT,
	defineSearchType,
	text
} from './declaration.js';

export default defineSearchType({
	uid: 'posts',
	types: {
		good_practice: { plural: m.gp_type_good_practice, singular: m.gp_type_one_good_practice },
		post: { plural: m.gp_type_post, singular: m.gp_type_one_post }
	},
	filterable: ['format', 'featured'],
	sortable: [],
	facets: [...SHARED_FACETS, 'format', 'ages', 'stem'],
	filters: [...SHARED_FILTERS, 'formats'],
	retrieve: ['format'],
	// Two types share the index: the header box groups the hits by type afterwards.
	suggestLimit: SUGGEST_LIMIT * 2,
	row: (document) => ({ format: text(document.format) })
});
