// The incentive rule network staff set on /netwerk/inclusie: a share of girls, a number of participants and
// the day it takes effect. The database checks the same ranges (inclusion_rules_*_range).
import { m } from '$lib/paraglide/messages';
import { z } from 'zod';
import { isoDate } from './fields';

/** A percentage as people type it: "40", "37,5" or "37.5", at most two decimals. */
const PERCENT = /^\d{1,3}([.,]\d{1,2})?$/;
const WHOLE = /^\d{1,6}$/;

export const ruleSchema = z.object({
	minGirlsPct: z
		.string()
		.trim()
		.refine((value) => PERCENT.test(value), { error: () => m.in_error_girls_pct(), abort: true })
		.transform((value) => Number(value.replace(',', '.')))
		.refine((value) => value >= 0 && value <= 100, { error: () => m.in_error_girls_pct() }),
	minParticipants: z
		.string()
		.trim()
		.refine((value) => WHOLE.test(value), { error: () => m.in_error_participants(), abort: true })
		.transform(Number)
		.refine((value) => value >= 1 && value <= 100_000, { error: () => m.in_error_participants() }),
	validFrom: isoDate(() => m.in_error_valid_from()).refine(
		(value) => value >= '2020-01-01' && value <= '2100-12-31',
		{ error: () => m.in_error_valid_from() }
	)
});

export type RuleInput = z.infer<typeof ruleSchema>;
