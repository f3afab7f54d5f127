// The words people read for the search's document types and facets.
import { m } from '$lib/paraglide/messages';
import type { SearchType } from '$lib/server/search/query';

/** Plural: a group of results or a facet value ("Activiteiten"). */
export const typeLabel: Record<SearchType, () => string> = {
	activity: m.zk_type_activity,
	academy: m.zk_type_academy,
	school: m.zk_type_school,
	company: m.zk_type_company,
	partner: m.zk_type_partner,
	offer: m.zk_type_offer,
	request: m.zk_type_request
};

/** Singular: what one result is ("Activiteit"). */
export const typeNameSingular: Record<SearchType, () => string> = {
	activity: m.zk_type_one_activity,
	academy: m.zk_type_one_academy,
	school: m.zk_type_one_school,
	company: m.zk_type_one_company,
	partner: m.zk_type_one_partner,
	offer: m.zk_type_one_offer,
	request: m.zk_type_one_request
};
