// Forms of starting an academy in a white spot: registering interest (for oneself or an organisation one
// manages), network staff's connection note and coach link, and an academy's coaching offer.
import { COVERAGE_PROVINCES } from '$lib/published-labels';
import { m } from '$lib/paraglide/messages';
import { z } from 'zod';
import { plainText, uuid } from './fields';

export const STARTER_ROLES = ['officer', 'organisation', 'person'] as const;
export const STARTER_OFFERS = ['coordinator', 'room', 'volunteers', 'money', 'school_lab'] as const;
export const STARTER_SHOWN_AS = ['name', 'organisation', 'anonymous'] as const;
export type StarterRole = (typeof STARTER_ROLES)[number];
export type StarterOffer = (typeof STARTER_OFFERS)[number];
export type StarterShownAs = (typeof STARTER_SHOWN_AS)[number];

export const STARTER_NOTE_MAX = 500;
export const CONNECTION_NOTE_MAX = 1000;
export const COACHING_NOTE_MAX = 500;

/** "me", or the id of an organisation the person manages. */
const registrant = z.union([z.literal('me'), z.uuid()], { error: () => m.sa_error_registrant() });

export const interestSchema = z
	.object({
		registrant,
		role: z.enum(STARTER_ROLES, { error: () => m.sa_error_role() }),
		offers: z.array(z.enum(STARTER_OFFERS, { error: () => m.sa_error_offers() })).max(5),
		note: plainText(STARTER_NOTE_MAX, () => m.sa_error_note({ max: STARTER_NOTE_MAX })),
		shownAs: z.enum(STARTER_SHOWN_AS, { error: () => m.sa_error_shown_as() })
	})
	.refine((value) => (value.registrant === 'me') !== (value.role === 'organisation'), {
		path: ['role'],
		error: () => m.sa_error_role_fits()
	})
	.refine(
		(value) =>
			(value.registrant === 'me' && value.shownAs !== 'organisation') ||
			(value.registrant !== 'me' && value.shownAs !== 'name'),
		{ path: ['shownAs'], error: () => m.sa_error_shown_as_fits() }
	);

export type InterestInput = z.infer<typeof interestSchema>;

export const withdrawSchema = z.object({ interestId: uuid() });

export const connectSchema = z.object({
	interestId: uuid(),
	note: plainText(CONNECTION_NOTE_MAX, () => m.sa_error_note({ max: CONNECTION_NOTE_MAX }))
});

export const coachLinkSchema = z.object({
	academyId: z.uuid({ error: () => m.sa_staff_coach_required() }),
	linked: z.enum(['true', 'false']).transform((value) => value === 'true')
});

export const coachingSchema = z.object({
	provinces: z
		.array(
			z.string().refine((value) => (COVERAGE_PROVINCES as readonly string[]).includes(value), {
				error: () => m.sa_error_provinces()
			})
		)
		.max(6),
	note: plainText(COACHING_NOTE_MAX, () => m.sa_error_note({ max: COACHING_NOTE_MAX }))
});

/** Labels for what a registrant can bring, their role and how their name shows. */
export function offerLabel(offer: string): string {
	const labels: Record<StarterOffer, () => string> = {
		coordinator: m.sa_offer_coordinator,
		room: m.sa_offer_room,
		volunteers: m.sa_offer_volunteers,
		money: m.sa_offer_money,
		school_lab: m.sa_offer_school_lab
	};
	return labels[offer as StarterOffer]?.() ?? offer;
}

export function roleLabel(role: string): string {
	const labels: Record<StarterRole, () => string> = {
		officer: m.sa_role_officer,
		organisation: m.sa_role_organisation,
		person: m.sa_role_person
	};
	return labels[role as StarterRole]?.() ?? role;
}

export function shownAsLabel(shownAs: string): string {
	const labels: Record<StarterShownAs, () => string> = {
		name: m.sa_shown_as_name,
		organisation: m.sa_shown_as_organisation,
		anonymous: m.sa_shown_as_anonymous
	};
	return labels[shownAs as StarterShownAs]?.() ?? shownAs;
}
