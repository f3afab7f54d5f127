// The quality label's fixed vocabularies: the criteria (with a short explanation each), an application's
// statuses, the review's verdicts and the steps of its history. The database's check constraints hold the
// same values (tests/integration/db/vocabularies.test.ts).
import { m } from '$lib/paraglide/messages';

export const QUALITY_CRITERIA = [
	'stem_integration',
	'declared_accents',
	'creative_link',
	'safeguarding',
	'inclusion_plan',
	'evaluation'
] as const;
export type QualityCriterion = (typeof QUALITY_CRITERIA)[number];

export const criterionLabel: Record<QualityCriterion, () => string> = {
	stem_integration: m.ql_criterion_stem_integration,
	declared_accents: m.ql_criterion_declared_accents,
	creative_link: m.ql_criterion_creative_link,
	safeguarding: m.ql_criterion_safeguarding,
	inclusion_plan: m.ql_criterion_inclusion_plan,
	evaluation: m.ql_criterion_evaluation
};

export const criterionExplanation: Record<QualityCriterion, () => string> = {
	stem_integration: m.ql_criterion_stem_integration_explain,
	declared_accents: m.ql_criterion_declared_accents_explain,
	creative_link: m.ql_criterion_creative_link_explain,
	safeguarding: m.ql_criterion_safeguarding_explain,
	inclusion_plan: m.ql_criterion_inclusion_plan_explain,
	evaluation: m.ql_criterion_evaluation_explain
};

export const APPLICATION_STATUSES = ['draft', 'submitted', 'changes_requested', 'awarded'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const applicationStatusLabel: Record<ApplicationStatus, () => string> = {
	draft: m.ql_status_draft,
	submitted: m.ql_status_submitted,
	changes_requested: m.ql_status_changes_requested,
	awarded: m.ql_status_awarded
};

export const VERDICTS = ['ok', 'needs_work'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const verdictLabel: Record<Verdict, () => string> = {
	ok: m.ql_verdict_ok,
	needs_work: m.ql_verdict_needs_work
};

export const QUALITY_ACTIONS = ['started', 'submitted', 'changes_requested', 'awarded'] as const;
export type QualityAction = (typeof QUALITY_ACTIONS)[number];

export const qualityActionLabel: Record<QualityAction, () => string> = {
	started: m.ql_action_started,
	submitted: m.ql_action_submitted,
	changes_requested: m.ql_action_changes_requested,
	awarded: m.ql_action_awarded
};

/** How long a label is awarded for unless the reviewer chooses otherwise. */
export const DEFAULT_LABEL_YEARS = 3;
