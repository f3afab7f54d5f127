// Who comes: the names of the people an accepted agreement about volunteers, expertise or a visit brings,
// the agreement's first session, and how each named volunteer's extract (model 2) stands before it.
import { m } from '$lib/paraglide/messages';
import { z } from 'zod';
import { isCalendarDate } from './offer';
import { NAME_MAX, NAME_MIN } from './volunteer-check';

/** Offer kinds whose agreements bring people who can be named. */
export const PEOPLE_OFFER_KINDS = ['volunteers', 'expertise', 'visit'] as const;

export const bringsPeople = (offerKind: string): boolean =>
	(PEOPLE_OFFER_KINDS as readonly string[]).includes(offerKind);

/** A person's name as typed: spaces trimmed and collapsed, 2 to 120 characters. */
export const volunteerNameSchema = z.object({
	name: z
		.string()
		.transform((value) => value.replace(/\s+/g, ' ').trim())
		.pipe(
			z
				.string()
				.min(NAME_MIN, { error: () => m.vw_error_name({ min: NAME_MIN, max: NAME_MAX }) })
				.max(NAME_MAX, { error: () => m.vw_error_name({ min: NAME_MIN, max: NAME_MAX }) })
		)
});

export type VolunteerNameValues = { name: string };

/** The first session: a calendar day, or empty to clear it. */
export const firstSessionSchema = z.object({
	firstSessionOn: z
		.string()
		.trim()
		.refine((value) => value === '' || isCalendarDate(value), {
			error: () => m.app_error_date_invalid()
		})
		.transform((value) => (value === '' ? null : value))
});

export type FirstSessionValues = { firstSessionOn: string };

/** How a named volunteer's extract stands (the view volunteer_session_checks computes it). */
export const CHECK_STATES = ['missing', 'expired', 'expires_before_session', 'ok'] as const;
export type CheckState = (typeof CHECK_STATES)[number];

export const isCheckState = (value: unknown): value is CheckState =>
	(CHECK_STATES as readonly unknown[]).includes(value);

export type SessionCheck = {
	id: string;
	agreementId: string;
	volunteerName: string;
	firstSessionOn: string | null;
	seenOn: string | null;
	validUntil: string | null;
	state: CheckState;
};

/**
 * The volunteers that still need a recent extract before their first session: every state but ok, the
 * soonest first session first (unknown dates last), then by name.
 */
export function stillToCheck<T extends SessionCheck>(checks: readonly T[]): T[] {
	return checks
		.filter((check) => check.state !== 'ok')
		.sort(
			(a, b) =>
				(a.firstSessionOn ?? '9999-12-31').localeCompare(b.firstSessionOn ?? '9999-12-31') ||
				a.volunteerName.localeCompare(b.volunteerName, 'nl')
		);
}
