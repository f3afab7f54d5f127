// @ts-check
// Retention: purge_expired_data() deletes what is kept no longer than its period (README, "Bewaartermijnen /
// retention") and says how many rows of each kind of data went.

/** @typedef {import('./instant.js').Db} Db */
/** @typedef {{ data: string, keptFor: string, deleted: number }} Purged */

/**
 * @param {Db} db a service-role client (nobody else may run it)
 * @returns {Promise<Purged[]>}
 */
export async function purgeExpiredData(db) {
	const { data, error } = await db.rpc('purge_expired_data');
	if (error) throw error;
	return data.map((row) => ({
		data: row.data,
		keptFor: row.kept_for,
		deleted: Number(row.deleted)
	}));
}

/**
 * Takes expired quality labels off the academies' profiles (and so out of search's label filter); pages
 * already hide an expired label by its date. Returns how many labels expired.
 * @param {Db} db a service-role client
 * @returns {Promise<number>}
 */
export async function expireQualityLabels(db) {
	const { data, error } = await db.rpc('expire_quality_labels');
	if (error) throw error;
	return data ?? 0;
}

/**
 * One line for the logs: "notifications 12 (kept 180 days), notification_digests 0 (kept 180 days)".
 * @param {Purged[]} purged
 */
export function describePurge(purged) {
	return purged.map((row) => `${row.data} ${row.deleted} (kept ${row.keptFor})`).join(', ');
}
