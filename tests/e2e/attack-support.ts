// Shared pieces of the attack specs: the bad values a fuzzer sends, a fingerprint of what the database holds
// (to prove that a refused request wrote nothing), and the forms a page offers, read from the rendered page.
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import type { Page } from '@playwright/test';

/**
 * Tables whose rows change without a person's write, or because a refusal is recorded on purpose: the search
 * outbox (the in-app worker claims and completes rows), the sign-in throttle (a failed attempt counts), and
 * mail bookkeeping (sent after a successful action, possibly after its response).
 */
const VOLATILE = /^(search_|auth_throttle|throttle|digest_|mail_)/;

/** A fingerprint per public table: row count and a sum of row hashes (mail bookkeeping columns left out). */
export async function databaseFingerprint(db: pg.Client): Promise<Record<string, string>> {
	const { rows: tables } = await db.query<{ table_name: string }>(
		`select table_name from information_schema.tables
		 where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`
	);
	const parts = tables
		.map((t) => t.table_name)
		.filter((name) => !VOLATILE.test(name))
		.map((name) => {
			// A notification is mailed after the action that made it; emailed_at may change a moment later.
			const row =
				name === 'notifications' ? `(t.id, t.user_id, t.kind, t.read_at)::text` : 't::text';
			return `select '${name}' as name, count(*)::text || ':' || coalesce(sum(hashtextextended(${row}, 0)), 0)::text as print from public."${name}" t`;
		});
	const { rows } = await db.query<{ name: string; print: string }>(parts.join(' union all '));
	return Object.fromEntries(rows.map((r) => [r.name, r.print]));
}

/** Which tables differ between two fingerprints. */
export function changedTables(before: Record<string, string>, after: Record<string, string>) {
	return Object.keys({ ...before, ...after }).filter((name) => before[name] !== after[name]);
}

/** Values no form should accept as they are, each a classic way in: types, sizes, bytes, ids, dates. */
export function badValue(otherIds: string[]): fc.Arbitrary<string> {
	return fc.oneof(
		fc.constantFrom(
			'',
			' ',
			'\u0000',
			'a\u0000b',
			'%00',
			'-1',
			'0',
			'1e309',
			'NaN',
			'Infinity',
			'99999999999999999999999',
			'0x1F',
			'true',
			'null',
			'undefined',
			'[]',
			'{}',
			'not-a-uuid',
			'00000000-0000-0000-0000-000000000000',
			'2026-02-30',
			'2026-13-01',
			'0000-01-01',
			'9999-12-31',
			'+275760-09-13',
			'yesterday',
			'25:61',
			'24:00',
			'<script>alert(1)</script>',
			"'; drop table public.organisations; --",
			'../../etc/passwd',
			'//evil.example',
			'javascript:alert(1)',
			'\u202eevil',
			'𝕏'.repeat(300),
			'x'.repeat(5001),
			'y'.repeat(100_000)
		),
		fc.constantFrom(...otherIds),
		fc.string({ maxLength: 40 }),
		fc.integer().map(String),
		fc.double().map(String)
	);
}

export type FormShape = {
	/** Where the form posts, absolute path with search ("/afspraken/…?/accept"). */
	action: string;
	method: 'get' | 'post';
	/** The named fields, with the value the page rendered (hidden ids, chosen options). */
	fields: { name: string; value: string; type: string }[];
};

/**
 * Every form on the page the person sees, read from the live DOM; a submit button with its own `formaction`
 * ("save a draft" and "submit" in one form) counts as one more form with that action.
 */
export async function formsOn(page: Page): Promise<FormShape[]> {
	return page.evaluate(() =>
		[...document.forms].flatMap((form) => {
			const method =
				(form.getAttribute('method') ?? 'get').toLowerCase() === 'post' ? 'post' : 'get';
			const fields = [...form.elements]
				.filter(
					(el): el is HTMLInputElement =>
						'name' in el && typeof el.name === 'string' && el.name !== ''
				)
				.map((el) => ({ name: el.name, value: el.value ?? '', type: el.type ?? 'text' }));
			const actions = [
				form.getAttribute('action') ?? '',
				...[...form.querySelectorAll('button[formaction], input[formaction]')].map(
					(button) => button.getAttribute('formaction') ?? ''
				)
			];
			return [...new Set(actions)].map((attribute) => {
				const action = new URL(attribute, location.href);
				return { action: action.pathname + action.search, method, fields } as const;
			});
		})
	);
}

/** Route folders under src/routes that define form actions, with their named actions ("default" if none). */
export function routesWithActions(
	root = 'src/routes'
): { route: RegExp; id: string; actions: string[] }[] {
	const found: { route: RegExp; id: string; actions: string[] }[] = [];
	const walk = (dir: string) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name === '+page.server.ts') {
				const source = fs.readFileSync(full, 'utf8');
				const block = /export const actions = \{([\s\S]*?)\n\}( satisfies Actions)?;/.exec(source);
				if (!block) continue;
				const actions = [...block[1]!.matchAll(/^\t(\w+)(?::|\()/gm)].map((m) => m[1]!);
				const id = path.relative(root, dir).split(path.sep).join('/');
				const pattern = id
					.split('/')
					.filter((segment) => !/^\(.*\)$/.test(segment))
					.map((segment) => (segment.startsWith('[') ? '[^/]+' : segment))
					.join('/');
				found.push({ route: new RegExp(`^/${pattern}$`), id, actions });
			}
		}
	};
	walk(root);
	return found;
}

/** Route folders under src/routes with a `+server.ts`, as path patterns, and the methods each exports. */
export function endpoints(root = 'src/routes'): { id: string; methods: string[] }[] {
	const found: { id: string; methods: string[] }[] = [];
	const walk = (dir: string) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name === '+server.ts') {
				const source = fs.readFileSync(full, 'utf8');
				const methods = [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map(
					(m) => m[1]!
				);
				found.push({ id: path.relative(root, dir).split(path.sep).join('/'), methods });
			}
		}
	};
	walk(root);
	return found;
}
