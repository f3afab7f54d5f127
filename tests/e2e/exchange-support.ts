// What the exchange specs arrange before they use the pages: people (through the auth admin API) and their
// organisations (as postgres, empty), a PostgREST client or a signed-in page per person, and the clean-up.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { expect, type Browser, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import ws from 'ws';
import { anonKey, apiUrl, databaseUrl, serviceRoleKey } from '../../stack/config.js';
import { accountMenu, clientAddress, signIn } from './support';

export type Person = { id: string; email: string; name: string };
export type Role = 'owner' | 'admin' | 'member';

const clientOptions = {
	auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
	realtime: { transport: ws as never }
};

/** One spec's arrangements; `prefix` keeps its e-mail addresses and slugs apart from other specs'. */
export function exchangeFixture(prefix: string) {
	const run = randomUUID().slice(0, 8);
	const password = `Wachtwoord-${run}`;
	const admin = createClient(apiUrl, serviceRoleKey, clientOptions);
	const db = new pg.Client({ connectionString: databaseUrl });
	const people: Person[] = [];
	const organisations: string[] = [];

	async function person(label: string, name: string): Promise<Person> {
		const email = `e2e-${prefix}-${run}-${label}@groeistoot.test`;
		const { data, error } = await admin.auth.admin.createUser({
			email,
			password,
			email_confirm: true,
			user_metadata: { display_name: name }
		});
		if (error || !data.user) throw error ?? new Error(`no user ${email}`);
		const made = { id: data.user.id, email, name };
		people.push(made);
		return made;
	}

	/** An organisation with its members (one person: the owner), in a municipality (default Gent). */
	async function organisation(
		kind: string,
		name: string,
		members: Person | [Person, Role][],
		nis = '44021'
	): Promise<{ id: string; slug: string }> {
		const slug = `e2e-${prefix}-${run}-${kind}-${organisations.length}`;
		const { rows } = await db.query<{ id: string; slug: string }>(
			`insert into public.organisations (kind, name, slug, municipality_nis)
			 values ($1, $2, $3, $4) returning id, slug`,
			[kind, name, slug, nis]
		);
		const row = rows[0]!;
		organisations.push(row.id);
		for (const [member, role] of Array.isArray(members) ? members : [[members, 'owner'] as const]) {
			await db.query(
				`insert into public.memberships (organisation_id, user_id, role) values ($1, $2, $3)`,
				[row.id, member.id, role]
			);
		}
		return row;
	}

	/** A PostgREST client signed in as this person, with their own session. */
	async function clientFor(who: Person): Promise<SupabaseClient> {
		// A client address of its own: the auth service limits sign-ins per address.
		const client = createClient(apiUrl, anonKey, {
			...clientOptions,
			global: { headers: { 'X-Forwarded-For': clientAddress() } }
		});
		const { error } = await client.auth.signInWithPassword({ email: who.email, password });
		if (error) throw error;
		return client;
	}

	/** A browser page of its own, signed in as this person. */
	async function pageFor(browser: Browser, who: Person): Promise<Page> {
		const page = await (await browser.newContext()).newPage();
		await signIn(page, who.email, password);
		await expect(accountMenu(page)).toBeVisible();
		return page;
	}

	/** Removes the spec's organisations (and with them what hangs off them) and people. */
	async function cleanUp() {
		if (organisations.length > 0) {
			await db.query('delete from public.organisations where id = any($1::uuid[])', [
				organisations
			]);
		}
		if (people.length > 0) {
			await db.query('delete from auth.users where id = any($1::uuid[])', [
				people.map((p) => p.id)
			]);
		}
		await db.end();
	}

	return { run, password, db, person, organisation, clientFor, pageFor, cleanUp };
}
