// The quality label's forms: the academy's self-assessment per criterion (text and up to five links, one a
// line) and network staff's review per criterion (a verdict and a comment) with the decision and the
// label's expiry. Field names carry the criterion: `<criterion>_text`, `<criterion>_links`,
// `<criterion>_verdict`, `<criterion>_comment`. Pure: the actions pass the form's text in.
import { m } from '$lib/paraglide/messages';
import {
	QUALITY_CRITERIA,
	VERDICTS,
	type QualityCriterion,
	type Verdict
} from '$lib/quality-vocabulary';
import type { FormErrors } from '$lib/forms';

export const SELF_ASSESSMENT_MAX = 3000;
export const COMMENT_MAX = 2000;
export const LINKS_MAX = 5;
export const LINK_MAX = 300;
export const MAX_LABEL_YEARS = 5;

const LINK = /^https?:\/\/\S+$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export type AssessmentValues = Record<QualityCriterion, { text: string; links: string }>;
export type AssessmentInput = Record<
	QualityCriterion,
	{ self_assessment: string; links: string[] }
>;
export type ReviewValues = Record<QualityCriterion, { verdict: string; comment: string }> & {
	decision: string;
	expiresOn: string;
};
export type ReviewInput = {
	reviews: Record<QualityCriterion, { verdict: Verdict; comment: string }>;
	decision: 'award' | 'changes';
	expiresOn: string | null;
};

/** One link a line; empty lines left out. */
export const splitLinks = (value: string) =>
	value
		.split(/\r\n?|\n/)
		.map((line) => line.trim())
		.filter((line) => line !== '');

/** The self-assessment form's values from its fields (`get` reads one field as text). */
export function assessmentValues(get: (name: string) => string): AssessmentValues {
	return Object.fromEntries(
		QUALITY_CRITERIA.map((c) => [c, { text: get(`${c}_text`), links: get(`${c}_links`) }])
	) as AssessmentValues;
}

/**
 * The self-assessment checked: each text at most 3000 characters, at most five http(s) links; when
 * submitting, every text filled in. Errors by field name, or the input for save_quality_application.
 */
export function parseAssessment(
	values: AssessmentValues,
	{ complete }: { complete: boolean }
): { errors: FormErrors<string> } | { input: AssessmentInput } {
	const errors: FormErrors<string> = {};
	const input = {} as AssessmentInput;
	for (const criterion of QUALITY_CRITERIA) {
		const text = values[criterion].text.trim();
		const links = splitLinks(values[criterion].links);
		if (text.length > SELF_ASSESSMENT_MAX) {
			errors[`${criterion}_text`] = m.ql_error_self_assessment_length();
		} else if (complete && text === '') {
			errors[`${criterion}_text`] = m.ql_error_incomplete();
		}
		if (links.length > LINKS_MAX || links.some((l) => !LINK.test(l) || l.length > LINK_MAX)) {
			errors[`${criterion}_links`] = m.ql_error_links();
		}
		input[criterion] = { self_assessment: text, links };
	}
	return Object.keys(errors).length > 0 ? { errors } : { input };
}

/** The review form's values from its fields. */
export function reviewValues(get: (name: string) => string): ReviewValues {
	return {
		...(Object.fromEntries(
			QUALITY_CRITERIA.map((c) => [
				c,
				{ verdict: get(`${c}_verdict`), comment: get(`${c}_comment`) }
			])
		) as Record<QualityCriterion, { verdict: string; comment: string }>),
		decision: get('decision'),
		expiresOn: get('expiresOn').trim()
	};
}

/** `date` plus whole years, as YYYY-MM-DD (29 February becomes 28 February in a common year). */
export function addYears(date: string, years: number): string {
	const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
	const target = new Date(Date.UTC(year + years, month - 1, day));
	if (target.getUTCMonth() !== month - 1) target.setUTCDate(0);
	return target.toISOString().slice(0, 10);
}

/**
 * The review checked against today (YYYY-MM-DD in Belgium): a verdict and a comment of at most 2000
 * characters per criterion; award needs every criterion ok and an expiry after today within five years;
 * changes need at least one criterion that needs work.
 */
export function parseReview(
	values: ReviewValues,
	today: string
): { errors: FormErrors<string> } | { input: ReviewInput } {
	const errors: FormErrors<string> = {};
	const reviews = {} as ReviewInput['reviews'];
	for (const criterion of QUALITY_CRITERIA) {
		const { verdict, comment } = values[criterion];
		if (!(VERDICTS as readonly string[]).includes(verdict)) {
			errors[`${criterion}_verdict`] = m.ql_error_verdict();
		}
		if (comment.trim().length > COMMENT_MAX)
			errors[`${criterion}_comment`] = m.ql_error_comment_length();
		reviews[criterion] = { verdict: verdict as Verdict, comment: comment.trim() };
	}
	const decision = values.decision;
	if (decision !== 'award' && decision !== 'changes') {
		errors.decision = m.ql_error_decision();
		return { errors };
	}
	if (Object.keys(errors).length > 0) return { errors };
	const verdicts = QUALITY_CRITERIA.map((c) => reviews[c].verdict);
	if (decision === 'award') {
		if (verdicts.some((v) => v !== 'ok')) errors.form = m.ql_error_all_ok();
		const valid = DAY.test(values.expiresOn) && !Number.isNaN(Date.parse(values.expiresOn));
		if (
			!valid ||
			values.expiresOn <= today ||
			values.expiresOn > addYears(today, MAX_LABEL_YEARS) ||
			addYears(values.expiresOn, 0) !== values.expiresOn
		) {
			errors.expiresOn = m.ql_error_expiry();
		}
	} else if (!verdicts.includes('needs_work')) {
		errors.form = m.ql_error_needs_work();
	}
	if (Object.keys(errors).length > 0) return { errors };
	return {
		input: { reviews, decision, expiresOn: decision === 'award' ? values.expiresOn : null }
	};
}
