// Starts the scheduled mail jobs (weekly digest, event reminders, retention purge) in this app server: once per process,
// also when the dev server re-runs init; MAIL_JOBS=off leaves them to `npm run digest:send` and
// `npm run data:purge` under cron. adapter-node emits sveltekit:shutdown, and a job in hand finishes.
import { building } from '$app/environment';
import { env } from '$env/dynamic/private';
import { sendMail } from '$lib/server/mail';
import { mailLinkSecret, mailOrigin } from '$lib/server/mail-settings';
import { createServiceClient } from '$lib/server/supabase';
import { nextDigestAt, sendWeeklyDigests } from './digest.js';
import { describePurge, expireQualityLabels, purgeExpiredData } from './purge.js';
import { sendEventReminders } from './reminders.js';
import { createMailJobs } from './scheduler.js';

const mailJobsKey = Symbol.for('groeistoot.mailJobs');

export function startMailJobs(): void {
	if (building || env.MAIL_JOBS === 'off') return;
	const holder = globalThis as { [mailJobsKey]?: ReturnType<typeof createMailJobs> };
	if (holder[mailJobsKey]) return;

	let settings;
	try {
		settings = { db: createServiceClient(), origin: mailOrigin(), linkSecret: mailLinkSecret() };
	} catch (error) {
		console.error(`mail jobs not started: ${error}`);
		return;
	}
	const { db } = settings;
	const jobs = createMailJobs({
		sendDigests: async () => {
			const result = await sendWeeklyDigests({ ...settings, send: sendMail });
			if (result.claimed > 0) {
				console.warn(
					`weekly digest: ${result.sent} sent (${result.notifications} notifications), ${result.failed} failed`
				);
			}
			return result;
		},
		nextDigestAt: () => nextDigestAt(db),
		purge: async () => {
			// Daily like the purge: a label is valid up to and including its last day.
			const expired = await expireQualityLabels(db);
			if (expired > 0) console.warn(`quality labels expired: ${expired}`);
			const purged = await purgeExpiredData(db);
			if (purged.some((row) => row.deleted > 0)) {
				console.warn(`retention purge: ${describePurge(purged)}`);
			}
		},
		remind: async () => {
			const result = await sendEventReminders({ ...settings, send: sendMail });
			if (result.queued > 0) {
				console.warn(`event reminders: ${result.queued} written, ${result.sent} mailed`);
			}
		},
		log: (line) => console.warn(line)
	});
	holder[mailJobsKey] = jobs;
	jobs.start();
	process.once('sveltekit:shutdown' as 'beforeExit', () => void jobs.stop());
}
