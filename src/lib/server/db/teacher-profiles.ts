// Teacher and volunteer profiles ("helpers"): the person's own profile and its weekly slots, the school
// they chose and whether the school confirmed it, a person's page as a reader may see it, a school's list
// of links to confirm, and "wat kan ik hier doen" (help_suggestions()). Every query runs with the
// request's client, so RLS decides who reads what.
import type { WeeklySlot } from '$lib/schemas/offer';
import type { TeacherProfileForm } from '$lib/schemas/teacher-profile';
import type { Db } from '$lib/server/supabase';
import type { Database } from '$lib/types/database';
import { raiseDbError } from './db-errors';

export type SchoolLink = { schoolId: string; schoolName: string; status: string };

export type HelperProfile = {
	userId: string;
	subjects: string[];
	grades: string[];
	interests: string[];
	about: string;
	visibility: string;
	slots: WeeklySlot[];
};

export type SchoolOption = { id: string; name: string; municipality: string };

const PROFILE_COLUMNS =
	'user_id, subjects, grades, interests, about, visibility, helper_slots(weekday, starts_at, ends_at)';

type ProfileRow = {
	user_id: string;
	subjects: string[];
	grades: string[];
	interests: string[];
	about: string | null;
	visibility: string;
	helper_slots: { weekday: number; starts_at: string; ends_at: string }[];
};

function toProfile(row: ProfileRow): HelperProfile {
	return {
		userId: row.user_id,
		subjects: row.subjects,
		grades: row.grades,
		interests: row.interests,
		about: row.about ?? '',
		visibility: row.visibility,
		slots: row.helper_slots
			.map((slot) => ({ weekday: slot.weekday, startsAt: slot.starts_at, endsAt: slot.ends_at }))
			.sort((a, b) => a.weekday - b.weekday || a.startsAt.localeCompare(b.startsAt))
	};
}

/** A helper profile as the caller may read it (their own, or another person's when RLS allows), or null. */
export async function getHelperProfile(db: Db, userId: string): Promise<HelperProfile | null> {
	const { data, error } = await db
		.from('helper_profiles')
		.select(PROFILE_COLUMNS)
		.eq('user_id', userId)
		.maybeSingle();
	if (error) throw error;
	return data ? toProfile(data) : null;
}

/**
 * The school link of a person as the caller may read it: their own in any status, another person's only
 * once confirmed (RLS).
 */
export async function getSchoolLink(db: Db, userId: string): Promise<SchoolLink | null> {
	const { data, error } = await db
		.from('helper_school_links')
		.select('school_id, status, organisations(name)')
		.eq('user_id', userId)
		.maybeSingle();
	if (error) throw error;
	if (!data) return null;
	return {
		schoolId: data.school_id,
		schoolName: data.organisations?.name ?? '',
		status: data.status
	};
}

/** The schools a teacher can choose, by name, with their municipality. */
export async function listSchools(db: Db): Promise<SchoolOption[]> {
	const { data, error } = await db
		.from('organisations')
		.select('id, name, municipalities(name_nl)')
		.eq('kind', 'school')
		.order('name');
	if (error) throw error;
	return data.map((row) => ({
		id: row.id,
		name: row.name,
		municipality: row.municipalities?.name_nl ?? ''
	}));
}

/**
 * Saves the signed-in person's profile, slots and school in one step (save_helper_profile()); a refusal
 * the person can fix is thrown as a DbFieldError on its field.
 */
export async function saveHelperProfile(
	db: Db,
	form: TeacherProfileForm,
	slots: readonly WeeklySlot[]
): Promise<void> {
	const { error } = await db.rpc('save_helper_profile', {
		p_profile: {
			subjects: form.subjects,
			grades: form.grades,
			interests: form.interests,
			about: form.about,
			visibility: form.visibility
		},
		p_slots: slots.map((slot) => ({
			weekday: slot.weekday,
			starts_at: slot.startsAt,
			ends_at: slot.endsAt
		})),
		// The generated types call every argument required and non-null; null means "no school".
		p_school_id: form.school as string
	});
	if (error) raiseDbError(error);
}

export type PersonPage = {
	id: string;
	displayName: string;
	profile: HelperProfile;
	/** Only a school that confirmed the link (RLS shows others nothing else). */
	school: { name: string; slug: string } | null;
};

/**
 * A person's page as the caller may see it: null when there is no such person, or their helper profile is
 * not for the caller (the page answers both the same way).
 */
export async function getPersonPage(db: Db, userId: string): Promise<PersonPage | null> {
	// One call (public.person_page(), security invoker): the profile, the name and a confirmed school as
	// the separate queries gave them.
	const { data, error } = await db.rpc('person_page', { p_user_id: userId });
	if (error) throw error;
	const row = data as unknown as {
		profile: ProfileRow | null;
		person: { display_name: string } | null;
		link: { status: string; organisations: { name: string; slug: string } | null } | null;
	};
	if (!row.profile || !row.person) return null;
	const school = row.link?.organisations;
	return {
		id: userId,
		displayName: row.person.display_name,
		profile: toProfile(row.profile),
		school: school ? { name: school.name, slug: school.slug } : null
	};
}

export type SchoolLinkRow = {
	userId: string;
	displayName: string;
	subjects: string[];
	status: string;
	createdAt: string;
};

/** The teachers who chose this school, pending first (RLS: the school's admins and staff only). */
export async function listSchoolLinks(db: Db, schoolId: string): Promise<SchoolLinkRow[]> {
	const { data, error } = await db
		.from('helper_school_links')
		.select('user_id, status, created_at, helper_profiles(subjects)')
		.eq('school_id', schoolId)
		.order('created_at', { ascending: false });
	if (error) throw error;
	const ids = data.map((row) => row.user_id);
	const names = new Map<string, string>();
	if (ids.length > 0) {
		const people = await db.from('profiles').select('id, display_name').in('id', ids);
		if (people.error) throw people.error;
		for (const person of people.data) names.set(person.id, person.display_name);
	}
	const order: Record<string, number> = { pending: 0, confirmed: 1, refused: 2 };
	return data
		.map((row) => ({
			userId: row.user_id,
			displayName: names.get(row.user_id) ?? '',
			subjects: row.helper_profiles?.subjects ?? [],
			status: row.status,
			createdAt: row.created_at
		}))
		.sort((a, b) => (order[a.status] ?? 3) - (order[b.status] ?? 3));
}

/**
 * Confirms or refuses a teacher's link to the school (RLS and the trigger: the school's admins only).
 * Returns false when no such link to this school exists (any more).
 */
export async function decideSchoolLink(
	db: Db,
	{ schoolId, userId, confirm }: { schoolId: string; userId: string; confirm: boolean }
): Promise<boolean> {
	const { data, error } = await db
		.from('helper_school_links')
		.update({ status: confirm ? 'confirmed' : 'refused' })
		.eq('school_id', schoolId)
		.eq('user_id', userId)
		.select('user_id');
	if (error) raiseDbError(error);
	return data.length > 0;
}

export type HelpSuggestionRow =
	Database['public']['Functions']['help_suggestions']['Returns'][number];

/** "Wat kan ik hier doen": the open requests near the signed-in person that fit them, best first. */
export async function helpSuggestions(db: Db, limit = 20): Promise<HelpSuggestionRow[]> {
	const { data, error } = await db.rpc('help_suggestions', { p_limit: limit });
	if (error) throw error;
	return data;
}
