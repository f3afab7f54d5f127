// Queries on people's profiles; RLS lets each person read and update only their own row.
import type { Persona, Visibility } from '$lib/schemas/profile';
import type { Db } from '$lib/server/supabase';

export type Profile = {
	id: string;
	displayName: string;
	personas: Persona[];
	municipalityNis: string | null;
	bio: string;
	visibility: Visibility;
};

export type ProfileChanges = Omit<Profile, 'id'>;

export async function getProfile(db: Db, userId: string): Promise<Profile | null> {
	const { data, error } = await db
		.from('profiles')
		.select('id, display_name, personas, municipality_nis, bio, visibility')
		.eq('id', userId)
		.maybeSingle();
	if (error) throw error;
	if (!data) return null;

	return {
		id: data.id,
		displayName: data.display_name,
		personas: data.personas as Persona[],
		municipalityNis: data.municipality_nis,
		bio: data.bio ?? '',
		visibility: data.visibility as Visibility
	};
}

/** Only the display name, for the header on every page. */
export async function getDisplayName(db: Db, userId: string): Promise<string | null> {
	const { data, error } = await db
		.from('profiles')
		.select('display_name')
		.eq('id', userId)
		.maybeSingle();
	if (error) throw error;
	return data?.display_name ?? null;
}

export async function updateProfile(
	db: Db,
	userId: string,
	changes: ProfileChanges
): Promise<void> {
	const { data, error } = await db
		.from('profiles')
		.update({
			display_name: changes.displayName,
			personas: changes.personas,
			municipality_nis: changes.municipalityNis,
			bio: changes.bio === '' ? null : changes.bio,
			visibility: changes.visibility
		})
		.eq('id', userId)
		.select('id');
	if (error) throw error;
	// RLS turns an update of someone else's row into "0 rows", not an error.
	if (data.length !== 1) throw new Error(`Profile ${userId} was not updated`);
}
