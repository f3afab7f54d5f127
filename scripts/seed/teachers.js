// @ts-check
// Teacher and volunteer profiles for the demo (supabase/seed/07_teachers.sql): leerkracht@ teaches at a
// school in Gent that confirmed the link, vrijwilliger@ helps as a volunteer, a dozen generated teachers
// and volunteers, and one teacher waiting for GO! atheneum Brugge (school@'s school) to confirm, so the
// demo school admin has a link to decide. Deterministic: a seeded random generator, no clock.
import { createRandom } from './random.js';
import { num, text, textArray, values } from './sql.js';

/** @typedef {import('./build.js').Organisation} Organisation */
/** @typedef {{ weekday: number, startsAt: string, endsAt: string }} Slot */
/**
 * @typedef {{ userId: string, subjects: string[], grades: string[], interests: string[],
 *   about: string | null, visibility: 'public' | 'communities' | 'private', slots: Slot[],
 *   school: { id: string, status: 'pending' | 'confirmed' | 'refused' } | null }} HelperProfile
 */

export const LEERKRACHT_ID = 'd0000000-0000-4000-8000-000000000001';
export const VRIJWILLIGER_ID = 'd0000000-0000-4000-8000-000000000002';
/** school@'s school: the demo school admin confirms the pending link there. */
export const BRUGGE_SCHOOL_ID = 'c2000000-0000-4000-8000-000000000001';
const GENT = '44021';

const TEACHER_SUBJECTS = [
	['informatica', 'wiskunde'],
	['fysica', 'chemie'],
	['biologie', 'aardrijkskunde'],
	['techniek', 'elektromechanica'],
	['stem', 'techniek'],
	['wereldorientatie']
];
const VOLUNTEER_SUBJECTS = [['techniek'], ['informatica'], ['biologie'], ['fysica', 'wiskunde']];
const TEACHER_INTERESTS = [
	['guest_lesson', 'curriculum_link'],
	['host_academy', 'open_school_day'],
	['guest_lesson', 'host_academy'],
	['mentor', 'curriculum_link']
];
const VOLUNTEER_INTERESTS = [
	['mentor', 'coaching'],
	['workshop', 'coaching'],
	['workshop', 'mentor']
];
const SLOT_CHOICES = [
	{ weekday: 3, startsAt: '13:00', endsAt: '17:00' },
	{ weekday: 3, startsAt: '14:00', endsAt: '16:30' },
	{ weekday: 5, startsAt: '15:30', endsAt: '18:00' },
	{ weekday: 6, startsAt: '09:00', endsAt: '12:00' },
	{ weekday: 2, startsAt: '16:00', endsAt: '18:00' },
	{ weekday: 4, startsAt: '19:00', endsAt: '21:00' }
];

/**
 * @param {{ people: import('./build.js').Person[], organisations: Organisation[] }} seed
 * @returns {HelperProfile[]}
 */
export function buildTeachers(seed) {
	const random = createRandom(12_2026);
	const schools = seed.organisations.filter((o) => o.kind === 'school');
	const gentSchool = schools.find((o) => o.nis === GENT) ?? schools[0];
	if (!gentSchool) throw new Error('the seed has no school');
	const brugge = schools.find((o) => o.id === BRUGGE_SCHOOL_ID) ?? gentSchool;

	/** @type {HelperProfile[]} */
	const profiles = [
		{
			userId: LEERKRACHT_ID,
			subjects: ['informatica', 'wiskunde', 'stem'],
			grades: ['secundair_1', 'secundair_2'],
			interests: ['guest_lesson', 'host_academy', 'curriculum_link', 'open_school_day'],
			about:
				'Ik geef les wetenschappen en informatica en ontvang graag een codeerclub in mijn klas.',
			visibility: 'public',
			slots: [
				{ weekday: 3, startsAt: '13:00', endsAt: '17:00' },
				{ weekday: 5, startsAt: '15:30', endsAt: '17:30' }
			],
			school: { id: gentSchool.id, status: 'confirmed' }
		},
		{
			userId: VRIJWILLIGER_ID,
			subjects: ['techniek', 'informatica'],
			grades: [],
			interests: ['mentor', 'coaching', 'workshop'],
			about:
				'Ingenieur op rust: robotica, elektronica en solderen met kinderen van 10 tot 14 jaar.',
			visibility: 'communities',
			slots: [
				{ weekday: 3, startsAt: '13:30', endsAt: '17:00' },
				{ weekday: 6, startsAt: '09:00', endsAt: '12:00' }
			],
			school: null
		}
	];

	const candidates = seed.people.filter(
		(p) => p.personas.includes('teacher') || p.personas.includes('volunteer')
	);
	const chosen = random.sample(candidates, Math.min(12, candidates.length));
	// The pending link for school@'s school: a teacher of Brugge if one was chosen, else the first teacher.
	const pendingFor =
		chosen.find((p) => p.personas.includes('teacher') && p.nis === brugge.nis) ??
		chosen.find((p) => p.personas.includes('teacher'));
	for (const person of chosen) {
		const teacher = person.personas.includes('teacher');
		const nearby = schools.filter((o) => o.nis === person.nis);
		const school =
			person === pendingFor
				? { id: brugge.id, status: /** @type {const} */ ('pending') }
				: teacher && nearby.length > 0
					? { id: random.pick(nearby).id, status: /** @type {const} */ ('confirmed') }
					: null;
		profiles.push({
			userId: person.id,
			subjects: random.pick(teacher ? TEACHER_SUBJECTS : VOLUNTEER_SUBJECTS),
			grades: teacher
				? random.pick([['lager_2', 'lager_3'], ['secundair_1'], ['secundair_2', 'secundair_3']])
				: [],
			interests: random.pick(teacher ? TEACHER_INTERESTS : VOLUNTEER_INTERESTS),
			about: null,
			visibility: random.weighted(
				/** @type {const} */ (['public', 'communities', 'private']),
				(v) => (v === 'public' ? 5 : v === 'communities' ? 4 : 1)
			),
			slots: random
				.sample(SLOT_CHOICES, random.int(1, 2))
				.sort((a, b) => a.weekday - b.weekday || a.startsAt.localeCompare(b.startsAt))
				.filter(
					(slot, i, all) =>
						i === 0 ||
						all[i - 1]?.weekday !== slot.weekday ||
						all[i - 1]?.startsAt !== slot.startsAt
				),
			school
		});
	}
	return profiles;
}

const HEADER = `-- Generated by scripts/seed/generate.js; do not edit. Regenerate with \`node scripts/seed/generate.js\`.
-- Demo data only, deterministic. Teacher and volunteer profiles (helper_profiles), their weekly moments and
-- school links. Safe to run again: existing rows are kept. No data about children.`;

/** @param {HelperProfile[]} profiles */
export function teachersSql(profiles) {
	const out = [HEADER];
	out.push(`insert into public.helper_profiles (user_id, subjects, grades, interests, about, visibility)
values
${values(
	profiles.map((p) => [
		text(p.userId),
		textArray(p.subjects),
		textArray(p.grades),
		textArray(p.interests),
		text(p.about),
		text(p.visibility)
	])
)}
on conflict (user_id) do nothing;`);
	out.push(`insert into public.helper_slots (user_id, weekday, starts_at, ends_at)
values
${values(
	profiles.flatMap((p) =>
		p.slots.map((s) => [text(p.userId), num(s.weekday), text(s.startsAt), text(s.endsAt)])
	)
)}
on conflict (user_id, weekday, starts_at) do nothing;`);
	const links = profiles.filter((p) => p.school !== null);
	out.push(`-- Confirmed links as if the school had decided a week ago; the pending one waits for school@.
insert into public.helper_school_links (user_id, school_id, status, decided_at)
values
${values(
	links.map((p) => [
		text(p.userId),
		text(p.school?.id),
		text(p.school?.status),
		p.school?.status === 'pending' ? 'null' : "now() - interval '7 days'"
	])
)}
on conflict (user_id) do nothing;`);
	return out.join('\n\n') + '\n';
}
