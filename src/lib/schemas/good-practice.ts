// The good practice form: what was done (title, story), for whom and in which STEM letters, domains and
// format (the activities' vocabularies), what worked, materials, links and reach — a number only.
import { m } from '$lib/paraglide/messages';
import { DOMAINS, FORMATS, STEM_LETTERS } from '$lib/vocabulary';
import { z } from 'zod';
import { AGE_MAX, AGE_MIN } from './academy-profile';
import { choices, optionalWholeNumber, plainText, uuid, wholeNumber } from './fields';

export const PRACTICE_TITLE = { min: 3, max: 140 };
export const PRACTICE_BODY_MAX = 10000;
export const WHAT_WORKED_MAX = 3000;
export const MATERIALS_MAX = 2000;
export const LINKS_MAX = 5;
export const LINK_MAX = 300;
export const PARTICIPANTS_MAX = 100000;

const LINK = /^https?:\/\/\S+$/i;

/** One link a line; empty lines left out. */
export const splitLinks = (value: string) =>
	value
		.split(/\r\n?|\n/)
		.map((line) => line.trim())
		.filter((line) => line !== '');

const practiceFields = {
	title: z
		.string()
		.trim()
		.min(PRACTICE_TITLE.min, { error: () => m.app_error_title_length(PRACTICE_TITLE) })
		.max(PRACTICE_TITLE.max, { error: () => m.app_error_title_length(PRACTICE_TITLE) }),
	body: plainText(PRACTICE_BODY_MAX, () => m.gp_error_body({ max: PRACTICE_BODY_MAX })).pipe(
		z.string().min(1, { error: () => m.gp_error_body({ max: PRACTICE_BODY_MAX }) })
	),
	stemLetters: choices(STEM_LETTERS, () => m.app_error_choice()),
	domains: choices(DOMAINS, () => m.app_error_choice()).refine((domains) => domains.length > 0, {
		error: () => m.app_error_domains_required()
	}),
	format: z.enum(FORMATS, { error: () => m.app_error_format() }),
	ageMin: wholeNumber({ min: AGE_MIN, max: AGE_MAX, required: () => m.app_error_age_required() }),
	ageMax: wholeNumber({ min: AGE_MIN, max: AGE_MAX, required: () => m.app_error_age_required() }),
	whatWorked: plainText(WHAT_WORKED_MAX, () => m.gp_error_what_worked({ max: WHAT_WORKED_MAX })),
	materials: plainText(MATERIALS_MAX, () => m.gp_error_materials({ max: MATERIALS_MAX })),
	links: z
		.string()
		.transform(splitLinks)
		.pipe(
			z
				.array(
					z
						.string()
						.max(LINK_MAX, { error: () => m.gp_error_links() })
						.regex(LINK, { error: () => m.gp_error_links() })
				)
				.max(LINKS_MAX, { error: () => m.gp_error_links() })
		),
	participants: optionalWholeNumber({ min: 0, max: PARTICIPANTS_MAX })
};

const agesInOrder = (form: { ageMin: number; ageMax: number }, ctx: z.RefinementCtx) => {
	if (form.ageMin > form.ageMax) {
		ctx.addIssue({ code: 'custom', path: ['ageMax'], message: m.app_error_age_order() });
	}
};

/** Editing: everything but where it was shared. */
export const goodPracticeSchema = z.object(practiceFields).superRefine(agesInOrder);

/** Sharing: also the communities (at least one of the person's own). */
export const shareGoodPracticeSchema = z
	.object({
		...practiceFields,
		communities: z
			.array(uuid())
			.min(1, { error: () => m.gp_error_communities() })
			.max(20, { error: () => m.gp_error_communities() })
	})
	.superRefine(agesInOrder);

export type GoodPracticeForm = z.infer<typeof goodPracticeSchema>;
export type ShareGoodPracticeForm = z.infer<typeof shareGoodPracticeSchema>;

export const PRACTICE_TEXT_FIELDS = [
	'title',
	'body',
	'format',
	'ageMin',
	'ageMax',
	'whatWorked',
	'materials',
	'links',
	'participants'
] as const;

export type GoodPracticeValues = Record<(typeof PRACTICE_TEXT_FIELDS)[number], string> & {
	stemLetters: string[];
	domains: string[];
	communities: string[];
};

export type GoodPracticeField = keyof GoodPracticeValues;

export const emptyGoodPracticeValues = (communities: string[] = []): GoodPracticeValues => ({
	title: '',
	body: '',
	format: '',
	ageMin: '',
	ageMax: '',
	whatWorked: '',
	materials: '',
	links: '',
	participants: '',
	stemLetters: [],
	domains: [],
	communities
});
