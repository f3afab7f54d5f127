#!/usr/bin/env node
// @ts-check
// `npm run digest:send`: sends the weekly digests that are due (the week that ended last Monday 08:00 in
// Brussels) and exits. Safe next to app servers that run their own digest job, and twice: each person's
// digest of a week goes out once. For cron when the app runs with MAIL_JOBS=off.
// Environment: PUBLIC_SUPABASE_URL, SUPABASE_SERVICE_ROLE_KEY, ORIGIN, EMAIL_LINK_SECRET, SMTP_HOST,
// SMTP_PORT, SMTP_SECURE, SMTP_USER, SMTP_PASS, SMTP_FROM; defaults only against the local stack.
import { createClient } from '@supabase/supabase-js';
import ws from 'ws';
import { apiUrl, ports, serviceRoleKey, siteUrl } from '../stack/config.js';
import { sendWeeklyDigests } from '../src/lib/server/mail-jobs/digest.js';
import { digestSettings } from '../src/lib/server/mail-jobs/script-settings.js';
import { createSmtpSender } from '../src/lib/server/mail-jobs/smtp.js';

let settings;
try {
	settings = digestSettings(process.env, {
		apiUrl,
		serviceRoleKey,
		siteUrl,
		smtpPort: ports.mailboxSmtp
	});
} catch (error) {
	console.error(`digest:send: ${error instanceof Error ? error.message : error}`);
	process.exit(2);
}

/** @type {import('../src/lib/server/mail-jobs/instant.js').Db} */
const db = createClient(settings.supabaseUrl, settings.serviceRoleKey, {
	auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
	realtime: { transport: /** @type {never} */ (ws) }
});
const smtp = createSmtpSender(process.env, settings.smtpLocal);
try {
	const result = await sendWeeklyDigests({
		db,
		origin: settings.origin,
		linkSecret: settings.linkSecret,
		send: smtp.send
	});
	console.log(
		`digest:send: ${result.sent} digests sent (${result.notifications} notifications), ${result.failed} failed`
	);
	process.exitCode = result.failed > 0 ? 1 : 0;
} catch (error) {
	console.error('digest:send failed:', error);
	process.exitCode = 1;
} finally {
	smtp.close();
}
