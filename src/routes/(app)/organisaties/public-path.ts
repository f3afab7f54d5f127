// Where anyone reads an organisation, by kind (the public pages of issue 3).
import { resolve } from '$app/paths';
import type { OrganisationKind } from '$lib/vocabulary';

export function publicPath({ kind, slug }: { kind: OrganisationKind; slug: string }): string {
	switch (kind) {
		case 'academy':
			return resolve('/(public)/academies/[slug=slug]', { slug });
		case 'school':
			return resolve('/(public)/scholen/[slug=slug]', { slug });
		case 'company':
			return resolve('/(public)/bedrijven/[slug=slug]', { slug });
		case 'partner':
			return resolve('/(public)/partners/[slug=slug]', { slug });
	}
}
