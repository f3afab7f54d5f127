import { activityCard } from '$lib/public/cards';
import { todayInBelgium } from '$lib/public/format';
import { loadListPage } from '$lib/public/list-page';
import { listUpcomingActivities } from '$lib/server/db/activities';
import { listCurrentMunicipalities } from '$lib/server/db/municipalities';
import { PAGE_SIZE } from '$lib/server/db/organisations';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals: { supabase }, url }) => {
	const today = todayInBelgium();
	const { rows, ...list } = await loadListPage({
		params: url.searchParams,
		fields: ['province', 'municipality', 'domain', 'format', 'age'],
		pageSize: PAGE_SIZE,
		listMunicipalities: () => listCurrentMunicipalities(supabase),
		list: (filters) => listUpcomingActivities(supabase, filters, today)
	});
	return { ...list, activities: rows.map(activityCard) };
}) satisfies PageServerLoad;
