// @ts-check
// The search worker's and the reindex's calls to the database's RPCs, as the service role over PostgREST
// (plain fetch: these scripts run outside SvelteKit and need no Supabase client).

/** @param {unknown} error */
const message = (error) => (error instanceof Error ? error.message : String(error));

/**
 * @param {{
 *   supabaseUrl: string, serviceRoleKey: string, restUrl?: string, timeoutMs?: number,
 *   describe?: (error: unknown) => string
 * }} config
 * `timeoutMs`: how long one call may take; none when left out (a reindex page may take long).
 * `describe`: the words for a call that got no answer, in the caller's log style.
 * @returns {(name: string, args: Record<string, unknown>) => Promise<any>} calls an RPC and returns its
 * JSON; throws with the RPC's name, and the status and body for a refusal or the address for no answer.
 */
export function createRpc({
	supabaseUrl,
	serviceRoleKey,
	restUrl = `${supabaseUrl.replace(/\/+$/, '')}/rest/v1`,
	timeoutMs,
	describe = message
}) {
	return async function rpc(name, args) {
		let response;
		try {
			response = await fetch(`${restUrl}/rpc/${name}`, {
				method: 'POST',
				headers: {
					apikey: serviceRoleKey,
					authorization: `Bearer ${serviceRoleKey}`,
					'content-type': 'application/json',
					'accept-encoding': 'identity'
				},
				body: JSON.stringify(args),
				signal: timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs)
			});
		} catch (error) {
			throw new Error(`${name}: database API unreachable at ${restUrl}: ${describe(error)}`, {
				cause: error
			});
		}
		const text = await response.text();
		if (!response.ok) throw new Error(`${name}: ${response.status} ${text.slice(0, 500)}`);
		return text ? JSON.parse(text) : null;
	};
}
