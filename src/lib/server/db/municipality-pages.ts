// Everything the page of one municipality shows: what exists there and what is nearby. Two waves of
// fixed queries: the municipality itself, then five in parallel (a merged NIS code costs one more).
import { boundingBox, distanceKm, nearestFirst } from '$lib/public/nearby';
import type { LocalOrganisation, MunicipalityInfo, MunicipalityPage } from '$lib/public/types';
import type { Db } from '$lib/server/supabase';
import type { Tables } from '$lib/types/database';
import type { Domain, OrganisationKind } from '$lib/vocabulary';
import { listUpcomingActivitiesIn, listUpcomingActivitiesInBox } from './activities';
import { stemProfile, summary, validLabel, type SummaryRow } from './organisations';

export const NEARBY_RADIUS_KM = 15;
const ACTIVITIES_SHOWN = 12;
const NEARBY_SHOWN = 8;
/** More than a 30 × 30 km box holds in the densest part of Flanders, with room to spare. */
const CANDIDATE_LIMIT = 300;
/** A bound on one query's size; even Antwerp has far fewer organisations than this. */
const LOCAL_ORGANISATION_LIMIT = 1000;

export type MunicipalityLookup =
	{ found: true; page: MunicipalityPage } | { found: false; currentNis: string | null };

/**
 * The page for a NIS code (five digits: the route's matcher checks). A former (merged) municipality
 * gives the `currentNis` to redirect to; an unknown code gives `currentNis: null`.
 */
export async function getMunicipalityPage(
	db: Db,
	nis: string,
	today: string
): Promise<MunicipalityLookup> {
	const { data: row, error } = await db
		.from('municipalities')
		.select('nis, name_nl, province_nl, region, lat, lng, valid_to')
		.eq('nis', nis)
		.maybeSingle();
	if (error) throw error;
	if (!row) return { found: false, currentNis: null };
	if (row.valid_to !== null) {
		const { data: current, error: rpcError } = await db.rpc('current_nis', { nis });
		if (rpcError) throw rpcError;
		return { found: false, currentNis: current && current !== nis ? current : null };
	}

	const municipality: MunicipalityInfo = {
		nis: row.nis,
		name: row.name_nl,
		provinceNl: row.province_nl,
		region: row.region,
		lat: row.lat ?? 0,
		lng: row.lng ?? 0
	};
	const box = boundingBox(municipality, NEARBY_RADIUS_KM);
	const inBox = <Q extends BoxFilterable<Q>>(query: Q) =>
		query
			.gte('lat', box.minLat)
			.lte('lat', box.maxLat)
			.gte('lng', box.minLng)
			.lte('lng', box.maxLng);

	const [local, activities, nearbyAcademyRows, nearbyActivities, nearbyMunicipalityRows] =
		await Promise.all([
			db
				.from('organisations')
				.select(ORGANISATION_COLUMNS)
				.eq('municipality_nis', nis)
				.order('name')
				.limit(LOCAL_ORGANISATION_LIMIT),
			listUpcomingActivitiesIn(db, nis, today, ACTIVITIES_SHOWN),
			inBox(
				db
					.from('organisations')
					.select(ORGANISATION_COLUMNS)
					.eq('kind', 'academy')
					.neq('municipality_nis', nis)
			).limit(CANDIDATE_LIMIT),
			listUpcomingActivitiesInBox(db, box, { excludeNis: nis, today, limit: CANDIDATE_LIMIT }),
			inBox(
				db
					.from('current_municipalities')
					.select('nis, name_nl, province_nl, lat, lng')
					.in('region', ['VLG', 'BRU'])
					.neq('nis', nis)
			)
		]);
	if (local.error) throw local.error;
	if (nearbyAcademyRows.error) throw nearbyAcademyRows.error;
	if (nearbyMunicipalityRows.error) throw nearbyMunicipalityRows.error;

	const organisations = local.data.map((row) => localOrganisation(row, today));
	const byKind = (kind: OrganisationKind) => organisations.filter((o) => o.kind === kind);
	const nearbyAcademies = nearestFirst(
		nearbyAcademyRows.data.map((row) => ({
			...localOrganisation(row, today),
			lat: row.lat,
			lng: row.lng
		})),
		municipality,
		NEARBY_RADIUS_KM
	);

	// Academies per nearby municipality come from the candidates already fetched: no extra query.
	const academiesPerNis = new Map<string, number>();
	for (const academy of nearbyAcademies) {
		academiesPerNis.set(academy.place.nis, (academiesPerNis.get(academy.place.nis) ?? 0) + 1);
	}

	return {
		found: true,
		page: {
			municipality,
			academies: byKind('academy'),
			schools: byKind('school'),
			companies: byKind('company'),
			partners: byKind('partner'),
			activities: activities.rows,
			activityCount: activities.total,
			nearby: {
				academies: nearbyAcademies
					.slice(0, NEARBY_SHOWN)
					.map(({ lat: _lat, lng: _lng, ...academy }) => academy),
				// Soonest first among those within the radius: a parent looks for the next thing to do.
				activities: nearbyActivities
					.map((activity) => ({ ...activity, distanceKm: distanceKm(municipality, activity) }))
					.filter((activity) => activity.distanceKm <= NEARBY_RADIUS_KM)
					.slice(0, NEARBY_SHOWN),
				municipalities: nearestFirst(
					nearbyMunicipalityRows.data.flatMap((m) =>
						m.nis && m.name_nl
							? [{ nis: m.nis, name: m.name_nl, provinceNl: m.province_nl, lat: m.lat, lng: m.lng }]
							: []
					),
					municipality,
					NEARBY_RADIUS_KM
				).map(({ lat: _lat, lng: _lng, ...m }) => ({
					...m,
					academyCount: academiesPerNis.get(m.nis) ?? 0
				}))
			}
		}
	};
}

type BoxFilterable<Q> = {
	gte(column: 'lat' | 'lng', value: number): Q;
	lte(column: 'lat' | 'lng', value: number): Q;
};

const ORGANISATION_COLUMNS =
	'id, kind, name, slug, partner_type, description, municipality_nis, verification_status, logo_path, lat, lng, municipality:municipalities(name_nl, province_nl), profile:academy_profiles(stem_letters, accent_letters, creative_link, domains, quality_label, quality_label_expires_on)';

type OrganisationRow = SummaryRow &
	Pick<Tables<'organisations'>, 'lat' | 'lng'> & {
		profile: Pick<
			Tables<'academy_profiles'>,
			| 'stem_letters'
			| 'accent_letters'
			| 'creative_link'
			| 'domains'
			| 'quality_label'
			| 'quality_label_expires_on'
		> | null;
	};

/** An organisation of the page; an academy with its quality label while it is valid `today`. */
function localOrganisation(row: OrganisationRow, today: string): LocalOrganisation {
	return {
		...summary(row),
		stem: stemProfile(row.profile),
		domains: (row.profile?.domains ?? []) as Domain[],
		qualityLabel: validLabel(row.profile, today)
	};
}
