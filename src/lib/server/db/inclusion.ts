// Inclusion figures and the incentive rule, read and written with the person's own session: the reach
// reports' policies decide whose reports count (network staff: all; an academy's members: their own).
import { m } from '$lib/paraglide/messages';
import { PUBLISHED_PROVINCES } from '$lib/published-labels';
import type { RuleInput } from '$lib/schemas/inclusion';
import type { Db } from '$lib/server/supabase';
import type { Database } from '$lib/types/database';
import { DOMAINS, FORMATS } from '$lib/vocabulary';
import { RLS_DENIED, raiseDbError } from './db-errors';

export type FigureRow = Database['public']['Functions']['inclusion_figures']['Returns'][number];

export type InclusionFigures = {
	total: FigureRow | null;
	academies: FigureRow[];
	provinces: FigureRow[];
	domains: FigureRow[];
	formats: FigureRow[];
	years: FigureRow[];
};

export type InclusionRule = { minGirlsPct: number; minParticipants: number; validFrom: string };

/** Rows in the order of a vocabulary; categories it does not know go last. */
function inOrder(rows: FigureRow[], order: readonly string[]): FigureRow[] {
	const rank = (row: FigureRow) => {
		const index = order.indexOf(row.category);
		return index === -1 ? order.length : index;
	};
	return [...rows].sort((a, b) => rank(a) - rank(b) || a.category.localeCompare(b.category));
}

/** The figures over school years first..last, for one academy when `organisationId` is given. */
export async function inclusionFigures(
	db: Db,
	{ first, last, organisationId }: { first: number; last: number; organisationId?: string }
): Promise<InclusionFigures> {
	const { data, error } = await db.rpc('inclusion_figures', {
		p_first_year: first,
		p_last_year: last,
		...(organisationId ? { p_organisation_id: organisationId } : {})
	});
	if (error) raiseDbError(error);
	const of = (dimension: string) => data.filter((row) => row.dimension === dimension);
	return {
		// Over no reports at all the grand total is a row of nothing: no total.
		total: of('total').find((row) => row.activities > 0) ?? null,
		academies: of('academy').sort((a, b) =>
			(a.academy_name ?? '').localeCompare(b.academy_name ?? '', 'nl')
		),
		provinces: inOrder(of('province'), PUBLISHED_PROVINCES),
		domains: inOrder(of('domain'), DOMAINS),
		formats: inOrder(of('format'), FORMATS),
		years: of('year').sort((a, b) => Number(a.category) - Number(b.category))
	};
}

/** The rule in force today, or null when network staff set none yet. */
export async function currentRule(db: Db, today: string): Promise<InclusionRule | null> {
	const { data, error } = await db
		.from('inclusion_rules')
		.select('min_girls_pct, min_participants, valid_from')
		.lte('valid_from', today)
		.order('valid_from', { ascending: false })
		.order('created_at', { ascending: false })
		.limit(1)
		.maybeSingle();
	if (error) throw error;
	return data
		? {
				minGirlsPct: Number(data.min_girls_pct),
				minParticipants: data.min_participants,
				validFrom: data.valid_from
			}
		: null;
}

/** Network staff set a new version of the rule; anyone else is refused by RLS. */
export async function setRule(db: Db, rule: RuleInput): Promise<void> {
	const { error } = await db.from('inclusion_rules').insert({
		min_girls_pct: rule.minGirlsPct,
		min_participants: rule.minParticipants,
		valid_from: rule.validFrom
	});
	if (error) raiseDbError(error, { [RLS_DENIED]: { field: 'form', message: m.app_staff_only } });
}
