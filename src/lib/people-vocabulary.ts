// The vocabularies of teacher and volunteer profiles (helper_profiles and helper_school_links): the values
// Postgres checks and the words people read. tests/integration/db/vocabularies.test.ts checks that the
// database's constraints and the messages agree with this file.
import { m } from '$lib/paraglide/messages';

export const SUBJECTS = [
	'wiskunde',
	'fysica',
	'chemie',
	'biologie',
	'aardrijkskunde',
	'informatica',
	'techniek',
	'stem',
	'wereldorientatie',
	'elektromechanica',
	'andere'
] as const;
export type Subject = (typeof SUBJECTS)[number];

export const GRADES = [
	'kleuter',
	'lager_1',
	'lager_2',
	'lager_3',
	'secundair_1',
	'secundair_2',
	'secundair_3'
] as const;
export type Grade = (typeof GRADES)[number];

/** How a person would help; help_suggestions() knows which request kinds each one answers. */
export const INTERESTS = [
	'guest_lesson',
	'host_academy',
	'mentor',
	'curriculum_link',
	'open_school_day',
	'coaching',
	'workshop'
] as const;
export type Interest = (typeof INTERESTS)[number];

/** Who may read a helper profile; never more than the general profile's visibility allows. */
export const HELPER_VISIBILITIES = ['public', 'communities', 'private'] as const;
export type HelperVisibility = (typeof HELPER_VISIBILITIES)[number];

export const SCHOOL_LINK_STATUSES = ['pending', 'confirmed', 'refused'] as const;
export type SchoolLinkStatus = (typeof SCHOOL_LINK_STATUSES)[number];

export const subjectLabel: Record<Subject, () => string> = {
	wiskunde: m.tp_subject_wiskunde,
	fysica: m.tp_subject_fysica,
	chemie: m.tp_subject_chemie,
	biologie: m.tp_subject_biologie,
	aardrijkskunde: m.tp_subject_aardrijkskunde,
	informatica: m.tp_subject_informatica,
	techniek: m.tp_subject_techniek,
	stem: m.tp_subject_stem,
	wereldorientatie: m.tp_subject_wereldorientatie,
	elektromechanica: m.tp_subject_elektromechanica,
	andere: m.tp_subject_andere
};

export const gradeLabel: Record<Grade, () => string> = {
	kleuter: m.tp_grade_kleuter,
	lager_1: m.tp_grade_lager_1,
	lager_2: m.tp_grade_lager_2,
	lager_3: m.tp_grade_lager_3,
	secundair_1: m.tp_grade_secundair_1,
	secundair_2: m.tp_grade_secundair_2,
	secundair_3: m.tp_grade_secundair_3
};

export const interestLabel: Record<Interest, () => string> = {
	guest_lesson: m.tp_interest_guest_lesson,
	host_academy: m.tp_interest_host_academy,
	mentor: m.tp_interest_mentor,
	curriculum_link: m.tp_interest_curriculum_link,
	open_school_day: m.tp_interest_open_school_day,
	coaching: m.tp_interest_coaching,
	workshop: m.tp_interest_workshop
};

export const helperVisibilityLabel: Record<HelperVisibility, () => string> = {
	public: m.tp_visibility_public,
	communities: m.tp_visibility_communities,
	private: m.tp_visibility_private
};

export const schoolLinkStatusLabel: Record<SchoolLinkStatus, () => string> = {
	pending: m.tp_link_pending,
	confirmed: m.tp_link_confirmed,
	refused: m.tp_link_refused
};

/** The words for a stored value, or the value itself when it is not (or no longer) known. */
export function labelFor<T extends string>(labels: Record<T, () => string>, value: string): string {
	return Object.hasOwn(labels, value) ? labels[value as T]() : value;
}

/** A vocabulary as checkbox or radio options. */
export const optionsOf = <T extends string>(
	values: readonly T[],
	labels: Record<T, () => string>
) => values.map((value) => ({ value, label: labels[value]() }));
