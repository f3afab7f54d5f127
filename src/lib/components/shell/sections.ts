// The header's sections: the public lists grouped by what people come to do.
import { resolve } from '$app/paths';
import { m } from '$lib/paraglide/messages';

export type SectionLink = { path: string; href: string; label: string };
export type SectionGroup = { id: string; label: string; links: SectionLink[] };

export function sectionGroups(): SectionGroup[] {
	return [
		{
			id: 'ontdekken',
			label: m.shell_discover(),
			links: [
				{ path: '/zoeken', href: resolve('/zoeken'), label: m.shell_search() },
				{ path: '/academies', href: resolve('/academies'), label: m.pub_nav_academies() },
				{ path: '/activiteiten', href: resolve('/activiteiten'), label: m.pub_nav_activities() },
				{ path: '/scholen', href: resolve('/scholen'), label: m.pub_nav_schools() },
				{ path: '/bedrijven', href: resolve('/bedrijven'), label: m.pub_nav_companies() },
				{ path: '/partners', href: resolve('/partners'), label: m.pub_nav_partners() }
			]
		},
		{
			id: 'uitwisselen',
			label: m.shell_exchange(),
			links: [
				{ path: '/aanbod', href: resolve('/aanbod'), label: m.ex_nav_offers() },
				{ path: '/vragen', href: resolve('/vragen'), label: m.ex_nav_requests() }
			]
		},
		{
			id: 'community',
			label: m.cm_nav_group(),
			links: [
				{ path: '/gemeenten', href: resolve('/gemeenten'), label: m.cm_nav_municipalities() },
				{ path: '/dekking', href: resolve('/dekking'), label: m.cv_nav() },
				{
					path: '/goede-praktijken',
					href: resolve('/goede-praktijken'),
					label: m.cm_nav_practices()
				}
			]
		}
	];
}
