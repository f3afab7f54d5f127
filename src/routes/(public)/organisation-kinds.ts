// What differs between the public pages of schools, companies and partners: the list's title, intro and
// address, the link back to it and the answer for an unknown organisation.
import { m } from '$lib/paraglide/messages';
import type { ListPath } from '$lib/public/filters';
import type { OrganisationKind } from '$lib/vocabulary';

export type ListedKind = Exclude<OrganisationKind, 'academy'>;

type Pages = {
	title: () => string;
	intro: () => string;
	path: ListPath;
	backLabel: () => string;
	notFound: () => string;
};

export const organisationPages: Record<ListedKind, Pages> = {
	school: {
		title: m.pub_schools_title,
		intro: m.pub_schools_intro,
		path: '/scholen',
		backLabel: m.pub_all_schools,
		notFound: m.pub_school_not_found
	},
	company: {
		title: m.pub_companies_title,
		intro: m.pub_companies_intro,
		path: '/bedrijven',
		backLabel: m.pub_all_companies,
		notFound: m.pub_company_not_found
	},
	partner: {
		title: m.pub_partners_title,
		intro: m.pub_partners_intro,
		path: '/partners',
		backLabel: m.pub_all_partners,
		notFound: m.pub_partner_not_found
	}
};
