// Where a community's pages are: a municipality's under /gemeenten/[nis]/community, a region's under
// /regios/[slug]. The page, its people directory (mensen) and the hosts' members page (leden).
import { resolve } from '$app/paths';

export type CommunityAddress = { nis: string | null; slug: string | null };

export function communityPaths({ nis, slug }: CommunityAddress) {
	if (nis) {
		return {
			page: resolve('/(public)/gemeenten/[nis=nis]/community', { nis }),
			directory: resolve('/(public)/gemeenten/[nis=nis]/community/mensen', { nis }),
			members: resolve('/(app)/gemeenten/[nis=nis]/community/leden', { nis })
		};
	}
	const region = slug ?? '';
	return {
		page: resolve('/(public)/regios/[slug=slug]', { slug: region }),
		directory: resolve('/(public)/regios/[slug=slug]/mensen', { slug: region }),
		members: resolve('/(app)/regios/[slug=slug]/leden', { slug: region })
	};
}
