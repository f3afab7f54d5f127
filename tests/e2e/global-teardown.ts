// After the end-to-end run: the accounts the specs signed up (`e2e-…@groeistoot.test`, support.ts) leave the
// developer's database with what they made (tests/support/remove-accounts.ts), so that the demo does not
// list their organisations after `npm test`. What the specs did as the seed's own people stays.
import pg from 'pg';
import { databaseUrl } from '../../stack/config.js';
import { removeAccounts } from '../support/remove-accounts.js';

export default async function globalTeardown() {
	const db = new pg.Client({ connectionString: databaseUrl });
	try {
		await db.connect();
		const { rows } = await db.query<{ id: string }>(
			`select id from auth.users where email like 'e2e-%@groeistoot.test'`
		);
		await removeAccounts(
			db,
			rows.map((row) => row.id)
		);
	} catch (error) {
		// Against another database than the local stack's (or none) there is nothing of ours to remove.
		console.warn(`e2e teardown: the test accounts stay (${error})`);
	} finally {
		await db.end().catch(() => undefined);
	}
}
