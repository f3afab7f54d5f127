// Safeguarding: "gezien op DATUM door NAAM" for a volunteer's extract from the criminal record (model 2).
// Never the document itself, nor its number.
import { m } from '$lib/paraglide/messages';
import { z } from 'zod';
import { isoDate } from './fields';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const NAME_MIN = 2;
export const NAME_MAX = 120;
/** An extract counts as recent for this many years. */
export const RECENT_YEARS = 3;

/** The ISO day `years` before `day` (29 February becomes 28 February, like Postgres). */
export function yearsBefore(day: string, years: number): string {
	const [year, month, date] = day.split('-').map(Number) as [number, number, number];
	const target = new Date(Date.UTC(year - years, month - 1, date));
	if (target.getUTCMonth() !== month - 1) target.setUTCDate(0);
	return target.toISOString().slice(0, 10);
}

/** A person's name as typed: spaces trimmed and collapsed (as the database and agreement names do). */
const personName = (error: () => string) =>
	z
		.string()
		.transform((value) => value.replace(/\s+/g, ' ').trim())
		.pipe(z.string().min(NAME_MIN, { error }).max(NAME_MAX, { error }));

/** The form, checked against `today` (Belgium): seen not in the future and at most 3 years ago. */
export function volunteerCheckSchema(today: string) {
	return z.object({
		volunteerName: personName(() => m.ag_error_volunteer_name({ min: NAME_MIN, max: NAME_MAX })),
		seenOn: isoDate(() => m.ag_error_seen_on_required())
			.refine((day) => day <= today, { error: () => m.ag_error_seen_on_future(), abort: true })
			.refine((day) => day >= yearsBefore(today, RECENT_YEARS), {
				error: () => m.ag_error_seen_on_old()
			}),
		seenByName: personName(() => m.ag_error_seen_by({ min: NAME_MIN, max: NAME_MAX })),
		// The agreement the volunteer comes through (from "nog geen recent uittreksel"); optional.
		agreementId: z
			.string()
			.trim()
			.refine((value) => value === '' || UUID.test(value), { error: () => m.vw_error_agreement() })
			.transform((value) => (value === '' ? null : value))
			.optional()
	});
}

export type VolunteerCheckForm = z.infer<ReturnType<typeof volunteerCheckSchema>>;
export type VolunteerCheckValues = Record<keyof VolunteerCheckForm, string>;

/** The record form, prefilled from a link in "nog geen recent uittreksel" (?naam=…&afspraak=…). */
export function prefilledCheckValues(params: URLSearchParams): VolunteerCheckValues {
	const name = (params.get('naam') ?? '').replace(/\s+/g, ' ').trim().slice(0, NAME_MAX);
	const agreementId = (params.get('afspraak') ?? '').trim();
	return {
		volunteerName: name,
		seenOn: '',
		seenByName: '',
		agreementId: UUID.test(agreementId) ? agreementId : ''
	};
}

/**
 * After a check is recorded the page reloads with ?genoteerd=NAME: the name to confirm, but only when a
 * check for it is listed (a link cannot make the page claim a check that is not there).
 */
export function recordedName(params: URLSearchParams, listed: readonly string[]): string | null {
	const name = (params.get('genoteerd') ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
	if (name === '') return null;
	return listed.find((candidate) => candidate.toLowerCase() === name) ?? null;
}
