// @ts-check
// The mail jobs that run on a schedule inside each app server (MAIL_JOBS=off leaves them to cron with
// `npm run digest:send` and `npm run data:purge`): the weekly digest when the database's schedule says it
// is due (and once at start, to catch up on a week the server was down for), the day-before event
// reminders at start and then hourly, and the retention purge at start and then daily. Every instance runs them; the database keeps a digest from going out twice, and a
// purge twice deletes nothing more.

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

/**
 * @param {{
 *   sendDigests: () => Promise<{ failed: number }>,
 *   nextDigestAt: () => Promise<Date>,
 *   purge: () => Promise<unknown>,
 *   remind?: () => Promise<unknown>,
 *   log?: (line: string) => void,
 *   now?: () => number,
 *   maxWaitMs?: number,
 *   retryMs?: number,
 *   purgeEveryMs?: number,
 *   remindEveryMs?: number
 * }} options
 */
export function createMailJobs({
	sendDigests,
	nextDigestAt,
	purge,
	remind,
	log = console.warn,
	now = Date.now,
	// Long timers drift and a changed clock is noticed late: wake up at least this often to ask again.
	maxWaitMs = 6 * HOUR,
	retryMs = 15 * MINUTE,
	purgeEveryMs = 24 * HOUR,
	// Reminders are for tomorrow's events: hourly is soon enough, and a second run writes nothing more.
	remindEveryMs = HOUR
}) {
	let stopped = false;
	/** @type {Set<ReturnType<typeof setTimeout>>} */
	const timers = new Set();
	/** @type {Set<Promise<void>>} */
	const running = new Set();

	/** @param {() => Promise<void>} job */
	function run(job) {
		if (stopped) return;
		const promise = job().finally(() => running.delete(promise));
		running.add(promise);
	}

	/** @param {number} ms @param {() => Promise<void>} job */
	function after(ms, job) {
		if (stopped) return;
		const timer = setTimeout(() => {
			timers.delete(timer);
			run(job);
		}, ms);
		timer.unref?.();
		timers.add(timer);
	}

	/** @param {unknown} error */
	const describe = (error) => (error instanceof Error ? error.message : String(error));

	async function digestJob() {
		let wait = retryMs;
		try {
			const { failed } = await sendDigests();
			// A second past the moment, so that the database agrees it has come.
			const due = (await nextDigestAt()).getTime() - now() + 1000;
			wait = failed > 0 ? retryMs : Math.min(Math.max(due, 5000), maxWaitMs);
		} catch (error) {
			log(`weekly digest: ${describe(error)}; trying again in ${Math.round(wait / MINUTE)} min`);
		}
		after(wait, digestJob);
	}

	async function purgeJob() {
		try {
			await purge();
		} catch (error) {
			log(`retention purge: ${describe(error)}`);
		}
		after(purgeEveryMs, purgeJob);
	}

	async function remindJob() {
		if (!remind) return;
		try {
			await remind();
		} catch (error) {
			log(`event reminders: ${describe(error)}`);
		}
		after(remindEveryMs, remindJob);
	}

	return {
		start() {
			run(digestJob);
			run(purgeJob);
			run(remindJob);
		},
		/** Stops the timers and waits for a job in hand. */
		async stop() {
			stopped = true;
			for (const timer of timers) clearTimeout(timer);
			timers.clear();
			await Promise.allSettled([...running]);
		}
	};
}
