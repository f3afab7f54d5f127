// Generated bad input to every RPC the app calls, through PostgREST as an attacker would send it: arguments of
// the wrong type, huge and empty values, NUL bytes, malformed ids and dates, other organisations' ids, missing
// and extra arguments, from anonymous visitors, signed-in strangers and members. No answer may be a 5xx, and
// a refused call must leave the database as it was. The RPCs are found in the app's source and their arguments
// in the database, so a new RPC is fuzzed without touching this file.
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousClient, testPeople, type Cast } from './people.js';

const people = testPeople('rpc-fuzz');

/**
 * RPCs that act on the caller as a whole and take nothing to get wrong: fuzzed only by callers for whom they
 * must refuse (anonymous; people who are the last owner of an organisation), so the suite keeps its people.
 */
const ONLY_WHERE_REFUSED = new Set(['delete_own_account']);
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);

/** Names of the RPCs the app and its scripts call, read from their source. */
function rpcsTheAppCalls(): string[] {
	const names = new Set<string>();
	const walk = (dir: string) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) {
				if (entry.name !== 'paraglide') walk(full);
			} else if (/\.(ts|js|svelte)$/.test(entry.name)) {
				for (const match of fs.readFileSync(full, 'utf8').matchAll(/\.rpc\(\s*'(\w+)'/g)) {
					names.add(match[1]!);
				}
			}
		}
	};
	walk('src');
	walk('scripts');
	return [...names].sort();
}

type Argument = { name: string; type: string };

/** A fingerprint per public table (count and a sum of row hashes); volatile bookkeeping tables left out. */
async function fingerprint(): Promise<Record<string, string>> {
	const tables = await people.query<{ table_name: string }>(
		`select table_name from information_schema.tables
		 where table_schema = 'public' and table_type = 'BASE TABLE'
		   and table_name !~ '^(search_|auth_throttle)' order by table_name`
	);
	const rows = await people.query<{ name: string; print: string }>(
		tables
			.map(
				({ table_name: name }) =>
					`select '${name}' as name, count(*)::text || ':' || coalesce(sum(hashtextextended(t::text, 0)), 0)::text as print from public."${name}" t`
			)
			.join(' union all ')
	);
	return Object.fromEntries(rows.map((r) => [r.name, r.print]));
}

const badText = fc.constantFrom(
	'',
	' ',
	'\u0000',
	'a\u0000b',
	'x'.repeat(100_000),
	'𝕏'.repeat(500),
	"'; drop table public.organisations; --",
	'<script>alert(1)</script>',
	'not-a-uuid',
	'00000000-0000-0000-0000-000000000000',
	'2026-02-30',
	'9999-12-31',
	'-infinity',
	'25:61',
	'NaN',
	'{}',
	'[]'
);

/** Values for one argument: mostly of its own type but wrong, sometimes of another type entirely. */
function badArgument(type: string, otherIds: string[]): fc.Arbitrary<unknown> {
	const any = fc.oneof(
		badText,
		fc.integer(),
		fc.double(),
		fc.boolean(),
		fc.constant(null),
		fc.array(badText, { maxLength: 3 }),
		fc.dictionary(fc.string({ maxLength: 8 }), badText, { maxKeys: 3 })
	);
	const own: Record<string, fc.Arbitrary<unknown>> = {
		uuid: fc.oneof(fc.constantFrom(...otherIds), fc.uuid(), badText),
		'uuid[]': fc.array(fc.oneof(fc.constantFrom(...otherIds), badText), { maxLength: 4 }),
		integer: fc.oneof(fc.integer(), fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 53)),
		bigint: fc.oneof(fc.bigInt().map(String), fc.constantFrom(2 ** 63, -1)),
		'double precision': fc.oneof(fc.double(), fc.constantFrom('Infinity', '1e400')),
		numeric: fc.oneof(fc.double(), fc.constantFrom('1e400', '-0', '12,5')),
		date: fc.oneof(
			badText,
			fc.constantFrom('0001-01-01', '294277-01-01', '2026-01-01T99:00'),
			fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))
		),
		daterange: fc.constantFrom('[2026-01-01,0001-01-01)', '(,)', 'empty', '[9999-01-01,)'),
		'date[]': fc.array(fc.oneof(badText, fc.constant('0001-01-01')), { maxLength: 1200 }),
		jsonb: fc.oneof(fc.jsonValue(), fc.array(fc.jsonValue(), { maxLength: 60 })),
		boolean: fc.oneof(fc.boolean(), badText),
		text: badText,
		'text[]': fc.array(badText, { maxLength: 60 })
	};
	return fc.oneof({ weight: 3, arbitrary: own[type] ?? badText }, { weight: 1, arbitrary: any });
}

let cast: Cast;
let otherIds: string[];
let signatures: Record<string, Argument[]>;

beforeAll(async () => {
	cast = await people.cast();
	const academy = await people.organisation(
		[
			[cast.owner, 'owner'],
			[cast.member, 'member']
		],
		{ kind: 'academy' }
	);
	const other = await people.organisation([[cast.stranger, 'owner']], { kind: 'school' });
	const activity = await people.activity(academy.id);
	otherIds = [academy.id, other.id, activity.id, cast.owner.id, cast.stranger.id];

	const rows = await people.query<{ name: string; args: string | null }>(
		`select p.proname as name,
		   (select string_agg(a.name || ':' || format_type(a.type, null), ',' order by a.ord)
		    from unnest(p.proargnames, p.proargtypes::oid[]) with ordinality as a(name, type, ord)) as args
		 from pg_proc p join pg_namespace n on n.oid = p.pronamespace
		 where n.nspname = 'public' and p.proname = any($1)`,
		[rpcsTheAppCalls()]
	);
	signatures = Object.fromEntries(
		rows.map((row) => [
			row.name,
			(row.args ?? '')
				.split(',')
				.filter(Boolean)
				.map((pair) => {
					const [name, type] = pair.split(':');
					return { name: name!, type: type! };
				})
		])
	);
});

afterAll(() => people.remove());

describe('every RPC the app calls, fed generated bad input', () => {
	it('the app calls RPCs that exist', () => {
		expect(Object.keys(signatures).sort()).toEqual(rpcsTheAppCalls());
	});

	for (const name of rpcsTheAppCalls()) {
		it(`${name}: no 5xx, nothing written when refused`, async () => {
			const callers: [string, SupabaseClient][] = [
				['anonymous', anonymousClient()],
				['a signed-in stranger', cast.stranger.client],
				['a member', cast.member.client],
				['an owner', cast.owner.client]
			].filter(([who]) => !ONLY_WHERE_REFUSED.has(name) || who !== 'a member') as [
				string,
				SupabaseClient
			][];
			const args = signatures[name]!;
			const call = fc.record({
				caller: fc.constantFrom(...callers.keys()),
				values: fc.tuple(...args.map((a) => badArgument(a.type, otherIds))),
				// Mostly the full set of arguments, so the call reaches the function's body; now and then
				// one missing or one too many, which PostgREST must refuse as an unknown function.
				drop:
					args.length === 0
						? fc.constant([] as string[])
						: fc.oneof(
								{ weight: 8, arbitrary: fc.constant([] as string[]) },
								{
									weight: 1,
									arbitrary: fc.subarray(
										args.map((a) => a.name),
										{ minLength: 1 }
									)
								}
							),
				extra: fc.oneof(
					{ weight: 8, arbitrary: fc.constant(undefined) },
					{ weight: 1, arbitrary: badText }
				)
			});
			await fc.assert(
				fc.asyncProperty(call, async ({ caller, values, drop, extra }) => {
					const body: Record<string, unknown> = {};
					args.forEach((a, i) => {
						if (!drop.includes(a.name)) body[a.name] = values[i];
					});
					if (extra !== undefined) body.p_unexpected = extra;
					const [who, client] = callers[caller]!;
					const before = await fingerprint();
					const { error, status } = await client.rpc(name, body);
					const label = `${name} as ${who} with ${JSON.stringify(body).slice(0, 300)}`;
					expect(status, `${status} ${error?.code} ${error?.message}: ${label}`).toBeLessThan(500);
					if (error) {
						const changed = Object.entries(await fingerprint())
							.filter(([table, print]) => before[table] !== print)
							.map(([table]) => table);
						expect(changed, `refused but wrote ${changed.join(', ')}: ${label}`).toEqual([]);
					}
				}),
				{ numRuns: RUNS, endOnFailure: true }
			);
		}, 120_000);
	}
});
