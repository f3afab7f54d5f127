// Test people for the database suites: real accounts made through the auth API, each signed in on its
// own client, removed again afterwards (their profiles and staff rows go with them by cascade), and the
// organisations they arrange (removed first, with everything in them).
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { databaseUrl } from '../../../stack/config.js';
import { removeAccounts } from '../../support/remove-accounts.js';
import { anonClient, serviceClient } from '../support/supabase.js';

const password = 'groeistoot-test-wachtwoord';

export const serviceRole: SupabaseClient = serviceClient();

export const anonymousClient = (): SupabaseClient => anonClient();

export type Person = { id: string; email: string; client: SupabaseClient };

export type Role = 'owner' | 'admin' | 'member';

/** The people of an RLS matrix, by the words the tests use for them. */
export const everyone = [
	'anonymous',
	'a signed-in stranger',
	'a member',
	'an admin',
	'an owner',
	'network staff'
] as const;
export type Who = (typeof everyone)[number];

export type Cast = {
	owner: Person;
	admin: Person;
	member: Person;
	stranger: Person;
	staff: Person;
	clients: Record<Who, SupabaseClient>;
};

type Row = Record<string, unknown>;
/** A weekly window: weekday (1 Monday to 7 Sunday), from and until ('HH:MM'). */
export type Slot = [weekday: number, from: string, until: string];

function insertStatement(table: string, values: Row) {
	const columns = Object.keys(values);
	const placeholders = columns.map((_, i) => `$${i + 1}`).join(', ');
	return {
		text: `insert into public.${table} (${columns.join(', ')}) values (${placeholders}) returning *`,
		values: Object.values(values)
	};
}

/** One suite's people; `remove()` in afterAll deletes every account it made. */
export function testPeople(suite: string) {
	const run = randomUUID().slice(0, 8);
	const made: string[] = [];
	const organisations: string[] = [];
	let counter = 0;
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

		/** A fresh slug for this suite and run. */
		slug(label = 'org') {
			counter += 1;
			return `db-${suite}-${run}-${label}-${counter}`.toLowerCase();
		},

		/** Remembers an organisation made through the API, so that remove() deletes it. */
		track(organisationId: string) {
			organisations.push(organisationId);
		},

		/**
		 * Arranges an organisation as postgres (no API, no owner trigger) with the given members; anything in
		 * `values` overrides the defaults (a school in Gent).
		 */
		async organisation(
			members: [Person, Role][] = [],
			values: Row = {}
		): Promise<{ id: string; slug: string } & Row> {
			const kind = (values.kind as string | undefined) ?? 'school';
			const statement = insertStatement('organisations', {
				kind,
				partner_type: kind === 'partner' ? 'library' : null,
				name: `Testorganisatie ${suite}`,
				slug: this.slug(kind),
				municipality_nis: '44021',
				...values
			});
			const [row] = await this.query(statement.text, statement.values);
			const organisation = row as { id: string; slug: string } & Row;
			organisations.push(organisation.id);
			for (const [person, role] of members) {
				await this.query(
					'insert into public.memberships (organisation_id, user_id, role) values ($1, $2, $3)',
					[organisation.id, person.id, role]
				);
			}
			return organisation;
		},

		/** Arranges an activity as postgres: a published robotics afternoon next month unless `values` says otherwise. */
		async activity(organisationId: string, values: Row = {}): Promise<{ id: string } & Row> {
			const statement = insertStatement('activities', {
				organisation_id: organisationId,
				title: 'Robotica voor beginners',
				domains: ['techniek', 'programmeren'],
				format: 'korte_reeks',
				age_min: 10,
				age_max: 14,
				start_date: daysFromToday(30),
				end_date: daysFromToday(60),
				municipality_nis: '44021',
				status: 'published',
				...values
			});
			const [row] = await this.query(statement.text, statement.values);
			return row as { id: string } & Row;
		},

		/**
		 * Arranges an offer as postgres: a science lab in Gent, free on Wednesdays 13-17 from today for half a
		 * year, unless `values` says otherwise; `slots` are [weekday, from, until] (rooms only).
		 */
		async offer(
			organisationId: string,
			values: Row = {},
			slots: Slot[] = [[3, '13:00', '17:00']]
		): Promise<{ id: string } & Row> {
			const kind = (values.kind as string | undefined) ?? 'room';
			const room = {
				room_type: 'labo_wetenschappen',
				capacity: 24,
				term_start: daysFromToday(0),
				term_end: daysFromToday(180)
			};
			const statement = insertStatement('offers', {
				organisation_id: organisationId,
				kind,
				title: kind === 'room' ? 'Labo wetenschappen' : 'Twee mentoren',
				municipality_nis: '44021',
				radius_km: 25,
				...(kind === 'room' ? room : {}),
				...(kind === 'volunteers' ? { people: 2 } : {}),
				...values
			});
			const [row] = await this.query(statement.text, statement.values);
			const offer = row as { id: string } & Row;
			if (kind === 'room') await this.slots('offer', offer.id, slots);
			return offer;
		},

		/**
		 * Arranges an academy's request as postgres: an open request for a venue in Gent unless `values` says
		 * otherwise; `slots` are the weekly windows it asks, [weekday, from, until] (none unless given).
		 */
		async request(
			organisationId: string,
			values: Row = {},
			slots: Slot[] = []
		): Promise<{ id: string } & Row> {
			const statement = insertStatement('requests', {
				organisation_id: organisationId,
				kind: 'venue',
				title: 'Een labo voor onze robotica',
				municipality_nis: '44021',
				domains: ['techniek'],
				...values
			});
			const [row] = await this.query(statement.text, statement.values);
			const request = row as { id: string } & Row;
			await this.slots('request', request.id, slots);
			return request;
		},

		/** Adds weekly windows, [weekday, from, until], to an offer (a room's) or a request, as postgres. */
		async slots(of: 'offer' | 'request', id: string, slots: Slot[]) {
			for (const [weekday, from, until] of slots) {
				await this.query(
					`insert into public.${of}_slots (${of}_id, weekday, starts_at, ends_at) values ($1, $2, $3, $4)`,
					[id, weekday, from, until]
				);
			}
		},

		/** Signs up the six people of an RLS matrix (owner, admin, member, stranger, staff; anonymous). */
		async cast(): Promise<Cast> {
			const [owner, admin, member, stranger, staff] = await Promise.all([
				this.signUp('eigenaar'),
				this.signUp('beheerder'),
				this.signUp('lid'),
				this.signUp('vreemde'),
				this.signUp('staf')
			]);
			await this.makeNetworkStaff(staff!);
			return {
				owner: owner!,
				admin: admin!,
				member: member!,
				stranger: stranger!,
				staff: staff!,
				clients: {
					anonymous: anonClient(),
					'a signed-in stranger': stranger!.client,
					'a member': member!.client,
					'an admin': admin!.client,
					'an owner': owner!.client,
					'network staff': staff!.client
				}
			};
		},

		async remove() {
			try {
				if (made.length > 0 || organisations.length > 0) {
					await removeAccounts(await sql(), made, organisations);
				}
			} finally {
				await db?.end();
			}
		}
	};
}

/** An ISO date (yyyy-mm-dd) `days` away from today in Belgium. */
export function daysFromToday(days: number): string {
	const today = new Date(new Date().toLocaleString('en-US', { timeZone: 'Europe/Brussels' }));
	today.setDate(today.getDate() + days);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
}
