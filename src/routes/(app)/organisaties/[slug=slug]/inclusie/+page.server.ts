import { m } from '$lib/paraglide/messages';
import { parsePeriod, periodChoices } from '$lib/inclusion-period';
import { todayInBelgium } from '$lib/public/format';
import { schoolYearOf } from '$lib/school-year';
import { MEMBER_ROLES, requireOrganisationRole } from '$lib/server/auth/require-org-role';
import { currentRule, inclusionFigures } from '$lib/server/db/inclusion';
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, url, params }) => {
	const organisation = await requireOrganisationRole(locals, url, params.slug, MEMBER_ROLES);
	if (organisation.kind !== 'academy') error(404, m.app_organisation_not_found());
	const today = todayInBelgium();
	const currentYear = schoolYearOf(today);
	const period = parsePeriod(url.searchParams, currentYear);
	const [figures, rule] = await Promise.all([
		inclusionFigures(locals.supabase, { ...period, organisationId: organisation.id }),
		currentRule(locals.supabase, today)
	]);
	return {
		organisation,
		period,
		choices: periodChoices(currentYear),
		figures,
		own: figures.academies[0] ?? null,
		rule
	};
}) satisfies PageServerLoad;
