#!/usr/bin/env node
// @ts-check
// `npm run data:purge`: deletes what is kept no longer than its retention period (README, "Bewaartermijnen /
// retention") through purge_expired_data(), and prints how many rows of each kind of data went. The app
// servers do this daily themselves; this is for cron when they run with MAIL_JOBS=off.
// Environment: PUBLIC_SUPABASE_URL, SUPABASE_SERVICE_ROLE_KEY; defaults only against the local stack.
import { createClient } from '@supabase/supabase-js';
import ws from 'ws';
import { apiUrl, ports, serviceRoleKey, siteUrl } from '../stack/config.js';
import { purgeExpiredData } from '../src/lib/server/mail-jobs/purge.js';
import { purgeSettings } from '../src/lib/server/mail-jobs/script-settings.js';

let settings;
try {
	settings = purgeSettings(process.env, {
		apiUrl,
		serviceRoleKey,
		siteUrl,
		smtpPort: ports.mailboxSmtp
	});
} catch (error) {
	console.error(`data:purge: ${error instanceof Error ? error.message : error}`);
	process.exit(2);
}

/** @type {import('../src/lib/server/mail-jobs/instant.js').Db} */
const db = createClient(settings.supabaseUrl, settings.serviceRoleKey, {
	auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
	realtime: { transport: /** @type {never} */ (ws) }
});
try {
	for (const row of await purgeExpiredData(db)) {
		console.log(`data:purge: ${row.data}: ${row.deleted} deleted (kept ${row.keptFor})`);
	}
} catch (error) {
	console.error('data:purge failed:', error);
	process.exitCode = 1;
}
