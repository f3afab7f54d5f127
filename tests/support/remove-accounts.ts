// What the integration suites (tests/integration/db/people.ts) and the end-to-end run
// (tests/e2e/global-teardown.ts) do with the accounts they signed up once they are done.
import type pg from 'pg';

/**
 * Deletes test accounts with what would outlive them in the developer's database: the organisations they
 * created or that are named (with everything in them, by cascade), the posts they wrote and the communities
 * they started (a municipality's by its first member), which keep no author or proposer to be found by
 * later. Their profiles, memberships and notifications go with the accounts.
 */
export async function removeAccounts(
	db: Pick<pg.ClientBase, 'query'>,
	accounts: readonly string[],
	organisations: readonly string[] = []
) {
	if (organisations.length > 0 || accounts.length > 0) {
		await db.query(
			'delete from public.organisations where id = any($1::uuid[]) or created_by = any($2::uuid[])',
			[organisations, accounts]
		);
	}
	if (accounts.length === 0) return;
	await db.query('delete from public.posts where author_id = any($1::uuid[])', [accounts]);
	await db.query('delete from public.communities where proposed_by = any($1::uuid[])', [accounts]);
	await db.query('delete from auth.users where id = any($1::uuid[])', [accounts]);
}
