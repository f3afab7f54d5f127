// Which picture an organisation or activity shows: the path its row keeps (the files are in Storage, see
// $lib/server/pictures). Every write goes through the person's own client, so RLS decides.
import { m } from '$lib/paraglide/messages';
import type { Db } from '$lib/server/supabase';
import { error } from '@sveltejs/kit';
import { raiseDbError } from './db-errors';

export async function getOrganisationLogo(db: Db, organisationId: string): Promise<string | null> {
	const { data, error: dbError } = await db
		.from('organisations')
		.select('logo_path')
		.eq('id', organisationId)
		.maybeSingle();
	if (dbError) throw dbError;
	return data?.logo_path ?? null;
}

/** Points the organisation at a new logo (or none); 403 when RLS lets nothing through. */
export async function setOrganisationLogo(db: Db, organisationId: string, path: string | null) {
	const { data, error: dbError } = await db
		.from('organisations')
		.update({ logo_path: path })
		.eq('id', organisationId)
		.select('id');
	if (dbError) raiseDbError(dbError);
	if (data.length !== 1) error(403, m.app_forbidden_admins_only());
}

export async function getActivityPhoto(
	db: Db,
	{ organisationId, activityId }: { organisationId: string; activityId: string }
): Promise<{ path: string | null; alt: string | null }> {
	const { data, error: dbError } = await db
		.from('activities')
		.select('photo_path, photo_alt')
		.eq('organisation_id', organisationId)
		.eq('id', activityId)
		.maybeSingle();
	if (dbError) throw dbError;
	return { path: data?.photo_path ?? null, alt: data?.photo_alt ?? null };
}

/** Points the activity at a new photo (or none) with its description; 403 when RLS lets nothing through. */
export async function setActivityPhoto(
	db: Db,
	{
		organisationId,
		activityId,
		path,
		alt
	}: { organisationId: string; activityId: string; path: string | null; alt: string | null }
) {
	const { data, error: dbError } = await db
		.from('activities')
		.update({ photo_path: path, photo_alt: path ? alt : null })
		.eq('organisation_id', organisationId)
		.eq('id', activityId)
		.select('id');
	if (dbError) raiseDbError(dbError);
	if (data.length !== 1) error(403, m.app_forbidden_not_member());
}
