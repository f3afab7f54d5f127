// The activity form: what an academy offers, when, where, for whom and at what price.
import { m } from '$lib/paraglide/messages';
import { DOMAINS, FORMATS } from '$lib/vocabulary';
import { z } from 'zod';
import { AGE_MAX, AGE_MIN } from './academy-profile';
import {
	choices,
	euroAmount,
	isoDate,
	optionalText,
	optionalUrl,
	optionalWholeNumber,
	plainText,
	wholeNumber
} from './fields';

export const TITLE_MIN = 3;
export const TITLE_MAX = 140;
export const ACTIVITY_DESCRIPTION_MAX = 5000;
export const SESSIONS_MAX = 400;
/** numeric(8,2) */
export const PRICE_MAX = 999999.99;

export const activitySchema = z
	.object({
		title: z
			.string()
			.trim()
			.min(TITLE_MIN, { error: () => m.app_error_title_length({ min: TITLE_MIN, max: TITLE_MAX }) })
			.max(TITLE_MAX, {
				error: () => m.app_error_title_length({ min: TITLE_MIN, max: TITLE_MAX })
			}),
		description: plainText(ACTIVITY_DESCRIPTION_MAX, () =>
			m.app_error_description_too_long({ max: ACTIVITY_DESCRIPTION_MAX })
		),
		domains: choices(DOMAINS, () => m.app_error_choice()).refine((domains) => domains.length > 0, {
			error: () => m.app_error_domains_required()
		}),
		format: z.enum(FORMATS, { error: () => m.app_error_format() }),
		ageMin: wholeNumber({ min: AGE_MIN, max: AGE_MAX, required: () => m.app_error_age_required() }),
		ageMax: wholeNumber({ min: AGE_MIN, max: AGE_MAX, required: () => m.app_error_age_required() }),
		startDate: isoDate(() => m.app_error_start_date_required()),
		endDate: isoDate(() => m.app_error_end_date_required()),
		sessionCount: wholeNumber({
			min: 1,
			max: SESSIONS_MAX,
			required: () => m.app_error_sessions_required()
		}),
		venueName: optionalText(160, () => m.app_error_venue_name_too_long()),
		venueAddress: optionalText(200, () => m.app_error_address_too_long()),
		municipality: z
			.string()
			.trim()
			.min(1, { error: () => m.app_error_municipality_required() })
			.max(200),
		capacity: optionalWholeNumber({ min: 1, max: 100000 }),
		priceEur: euroAmount(0),
		reducedPriceEur: euroAmount(null),
		registrationUrl: optionalUrl(300)
	})
	.superRefine((form, ctx) => {
		if (form.ageMin > form.ageMax) {
			ctx.addIssue({ code: 'custom', path: ['ageMax'], message: m.app_error_age_order() });
		}
		if (form.endDate < form.startDate) {
			ctx.addIssue({ code: 'custom', path: ['endDate'], message: m.app_error_end_before_start() });
		}
		if (form.priceEur > PRICE_MAX) {
			ctx.addIssue({ code: 'custom', path: ['priceEur'], message: m.app_error_amount() });
		}
		if (form.reducedPriceEur !== null && form.reducedPriceEur > form.priceEur) {
			ctx.addIssue({
				code: 'custom',
				path: ['reducedPriceEur'],
				message: m.app_error_reduced_price()
			});
		}
	});

export type ActivityForm = z.infer<typeof activitySchema>;

export const ACTIVITY_TEXT_FIELDS = [
	'title',
	'description',
	'format',
	'ageMin',
	'ageMax',
	'startDate',
	'endDate',
	'sessionCount',
	'venueName',
	'venueAddress',
	'municipality',
	'capacity',
	'priceEur',
	'reducedPriceEur',
	'registrationUrl'
] as const;

export type ActivityValues = Record<(typeof ACTIVITY_TEXT_FIELDS)[number], string> & {
	domains: string[];
};
