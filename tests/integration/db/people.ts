// Test people for the database suites: real accounts made through the auth API, each signed in on its
// own client, removed again afterwards (their profiles and staff rows go with them by cascade).
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { databaseUrl } from '../../../stack/config.js';
import { anonClient, serviceClient } from '../support/supabase.js';

const password = 'groeistoot-test-wachtwoord';

export const serviceRole: SupabaseClient = serviceClient();

export const anonymousClient = (): SupabaseClient => anonClient();

export type Person = { id: string; email: string; client: SupabaseClient };

/** One suite's people; `remove()` in afterAll deletes every account it made. */
export function testPeople(suite: string) {
	const run = randomUUID().slice(0, 8);
	const made: string[] = [];
	let db: pg.Client | undefined;

	async function sql() {
		if (!db) {
			db = new pg.Client({ connectionString: databaseUrl });
			await db.connect();
		}
		return db;
	}

	return {
		/** Runs SQL as postgres (bypasses RLS): for arranging and for checking what really is stored. */
		async query<Row = Record<string, unknown>>(text: string, values: unknown[] = []) {
			const result = await (await sql()).query(text, values);
			return result.rows as Row[];
		},

		async signUp(label: string, metadata: Record<string, unknown> = {}): Promise<Person> {
			const email = `db-${suite}-${run}-${label}@groeistoot.test`;
			const { data, error } = await serviceRole.auth.admin.createUser({
				email,
				password,
				email_confirm: true,
				user_metadata: metadata
			});
			if (error || !data.user) throw error ?? new Error(`no user for ${email}`);
			made.push(data.user.id);

			const client = anonClient();
			const signIn = await client.auth.signInWithPassword({ email, password });
			if (signIn.error) throw signIn.error;
			return { id: data.user.id, email, client };
		},

		async makeNetworkStaff(person: Person) {
			await this.query('insert into public.network_staff (user_id) values ($1)', [person.id]);
		},

		async remove() {
			try {
				if (made.length > 0) {
					await this.query('delete from auth.users where id = any($1::uuid[])', [made]);
				}
			} finally {
				await db?.end();
			}
		}
	};
}
