// The municipality typed in an organisation's, activity's, offer's or request's form, as its NIS code. It is
// resolved even when other fields are wrong, so that every error shows at once.
import { resolveMunicipality, type MunicipalityOption } from '$lib/municipalities';
import { m } from '$lib/paraglide/messages';
import { listCurrentMunicipalities } from '$lib/server/db/municipalities';
import type { Db } from '$lib/server/supabase';

/** null when none was typed; undefined when no current municipality has that name, and the field says so. */
export function typedMunicipality(
	municipalities: readonly MunicipalityOption[],
	typed: string,
	errors: { municipality?: string }
): string | null | undefined {
	const nis = resolveMunicipality(municipalities, typed);
	if (nis === undefined) errors.municipality ??= m.error_municipality_unknown();
	return nis;
}

/** The parsed form's changes with the municipality (required) as its NIS code, or all of the errors. */
export async function withMunicipality<
	Data extends { municipality: string },
	Errors extends { municipality?: string }
>(
	db: Db,
	typed: string,
	parsed: { success: true; data: Data } | { success: false },
	errors: Errors
): Promise<
	| { ok: true; changes: Omit<Data, 'municipality'> & { municipalityNis: string } }
	| { ok: false; errors: Errors }
> {
	// Nothing typed needs no list: the form then only says the municipality is required.
	const options = typed.trim() === '' ? [] : await listCurrentMunicipalities(db);
	const municipalityNis = typedMunicipality(options, typed, errors);
	if (!parsed.success || !municipalityNis) return { ok: false, errors };
	const { municipality: _typed, ...changes } = parsed.data;
	return { ok: true, changes: { ...changes, municipalityNis } };
}
