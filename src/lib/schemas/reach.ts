// The reach report of one activity: counts only, never anything about a single child.
import { m } from '$lib/paraglide/messages';
import { z } from 'zod';
import { optionalWholeNumber, wholeNumber } from './fields';

export const COUNT_MAX = 100000;

const TARGET_GROUPS = ['disadvantaged', 'nonDutchHomeLanguage', 'specialNeeds'] as const;

export const reachSchema = z
	.object({
		participants: wholeNumber({
			min: 0,
			max: COUNT_MAX,
			required: () => m.app_error_participants_required()
		}),
		girls: wholeNumber({ min: 0, max: COUNT_MAX, required: () => m.app_error_girls_required() }),
		disadvantaged: optionalWholeNumber({ min: 0, max: COUNT_MAX }),
		nonDutchHomeLanguage: optionalWholeNumber({ min: 0, max: COUNT_MAX }),
		specialNeeds: optionalWholeNumber({ min: 0, max: COUNT_MAX })
	})
	.superRefine((form, ctx) => {
		if (form.girls > form.participants) {
			ctx.addIssue({ code: 'custom', path: ['girls'], message: m.app_error_girls_too_many() });
		}
		for (const group of TARGET_GROUPS) {
			const count = form[group];
			if (count !== null && count > form.participants) {
				ctx.addIssue({ code: 'custom', path: [group], message: m.app_error_group_too_many() });
			}
		}
	});

export type ReachForm = z.infer<typeof reachSchema>;

export const REACH_FIELDS = ['participants', 'girls', ...TARGET_GROUPS] as const;
export type ReachValues = Record<(typeof REACH_FIELDS)[number], string>;
