// Bulk import of activities with reach reports through the app's module and import_activities(): all or
// nothing, the same file twice changes nothing, a changed row updates its activity, and only an academy's
// members (for it) and network staff (for any academy the rows name) may import.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	activityTemplate,
	importActivities,
	type ImportScope
} from '$lib/server/import/activities';
import { testPeople, serviceRole, type Cast } from '../db/people.js';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/types/database';

const people = testPeople('import');
let cast: Cast;
let academy: { id: string; slug: string };
let other: { id: string; slug: string };
let school: { id: string; slug: string };

const HEADER =
	'extern_id;titel;domeinen;formaat;leeftijd_van;leeftijd_tot;startdatum;einddatum;nis;deelnemers;meisjes';
const NETWORK_HEADER = `extern_id;academie;${HEADER.slice('extern_id;'.length)}`;

/** A past robotics afternoon in Gent (44021) with its reach, as one line of the file. */
function line(id: string, changes: Partial<Record<string, string>> = {}): string {
	const values: Record<string, string> = {
		titel: `Robots ${id}`,
		domeinen: 'Programmeren | Techniek',
		formaat: 'Losse activiteit',
		leeftijd_van: '8',
		leeftijd_tot: '12',
		startdatum: '14/03/2025',
		einddatum: '',
		nis: '44021',
		deelnemers: '20',
		meisjes: '8',
		...changes
	};
	const columns = HEADER.split(';').slice(1);
	return [id, ...columns.map((column) => values[column])].join(';');
}

/** The same line for a network import, naming its academy. */
const networkLine = (id: string, slug: string, changes: Partial<Record<string, string>> = {}) =>
	`${id};${slug};${line(id, changes).slice(id.length + 1)}`;

const file = (header: string, lines: string[]) =>
	new TextEncoder().encode(`\uFEFF${[header, ...lines].join('\r\n')}\r\n`);

function run(
	client: SupabaseClient,
	scope: ImportScope,
	lines: string[],
	options: { dryRun?: boolean; locale?: 'nl' | 'en'; header?: string } = {}
) {
	return importActivities(client as SupabaseClient<Database>, {
		data: file(options.header ?? HEADER, lines),
		filename: 'activiteiten.csv',
		scope,
		dryRun: options.dryRun ?? false,
		locale: options.locale ?? 'nl'
	});
}

const forAcademy = (): ImportScope => ({ kind: 'academy', organisationId: academy.id });

type Stored = {
	import_id: string;
	organisation_id: string;
	title: string;
	status: string;
	published: boolean;
	updated_at: string;
	lat: number;
	lng: number;
	participants: number | null;
	girls: number | null;
	report_updated_at: string | null;
	outbox_version: number | null;
};

/** What the database holds for these external ids (read as postgres, past RLS). */
async function stored(ids: string[]): Promise<Stored[]> {
	return people.query<Stored>(
		`select a.import_id, a.organisation_id, a.title, a.status, a.published_at is not null as published,
			a.updated_at::text, a.lat, a.lng, r.participants, r.girls, r.updated_at::text as report_updated_at,
			(select o.version::int from public.search_outbox o
			 where o.index_uid = 'activities' and o.document_id = a.id) as outbox_version
		 from public.activities a left join public.reach_reports r on r.activity_id = a.id
		 where a.import_id = any($1) and a.organisation_id in ($2, $3)
		 order by a.import_id`,
		[ids, academy.id, other.id]
	);
}

async function countActivities(): Promise<number> {
	const [row] = await people.query<{ count: number }>(
		'select count(*)::int as count from public.activities where organisation_id = $1',
		[academy.id]
	);
	return row!.count;
}

beforeAll(async () => {
	cast = await people.cast();
	academy = await people.organisation(
		[
			[cast.owner, 'owner'],
			[cast.admin, 'admin'],
			[cast.member, 'member']
		],
		{ kind: 'academy' }
	);
	other = await people.organisation([], { kind: 'academy' });
	school = await people.organisation([[cast.member, 'owner']], { kind: 'school' });
});

afterAll(() => people.remove());

describe('importing for an academy', () => {
	it('creates published activities with their reach, the point at the municipality centre', async () => {
		const result = await run(cast.clients['a member'], forAcademy(), [line('a-1'), line('a-2')]);
		expect(result).toEqual({
			dryRun: false,
			rows: 2,
			created: 2,
			updated: 0,
			unchanged: 0,
			errors: []
		});
		const [centre] = await people.query<{ lat: number; lng: number }>(
			"select lat, lng from public.municipalities where nis = '44021'"
		);
		const rows = await stored(['a-1', 'a-2']);
		expect(rows).toHaveLength(2);
		for (const row of rows) {
			expect(row).toMatchObject({
				organisation_id: academy.id,
				status: 'published',
				published: true,
				lat: centre!.lat,
				lng: centre!.lng,
				participants: 20,
				girls: 8
			});
			expect(row.outbox_version).not.toBeNull();
		}
	});

	it('changes nothing when the same file comes again: no write, no updated_at, no search outbox', async () => {
		const lines = [line('b-1'), line('b-2'), line('b-3')];
		await run(cast.clients['an admin'], forAcademy(), lines);
		const before = await stored(['b-1', 'b-2', 'b-3']);
		const activitiesBefore = await countActivities();

		const again = await run(cast.clients['an admin'], forAcademy(), lines);
		expect(again).toMatchObject({ rows: 3, created: 0, updated: 0, unchanged: 3, errors: [] });
		expect(await stored(['b-1', 'b-2', 'b-3'])).toEqual(before);
		const activitiesAfter = await countActivities();
		expect(activitiesAfter).toBe(activitiesBefore);
	});

	it('updates only the row whose values changed, with its reach', async () => {
		await run(cast.clients['an owner'], forAcademy(), [line('c-1'), line('c-2')]);
		const before = await stored(['c-1', 'c-2']);

		const result = await run(cast.clients['an owner'], forAcademy(), [
			line('c-1', { titel: 'Robots bouwen, nieuwe titel', deelnemers: '25', meisjes: '12' }),
			line('c-2')
		]);
		expect(result).toMatchObject({ created: 0, updated: 1, unchanged: 1, errors: [] });
		const [changed, same] = await stored(['c-1', 'c-2']);
		expect(changed).toMatchObject({
			title: 'Robots bouwen, nieuwe titel',
			participants: 25,
			girls: 12
		});
		expect(changed!.updated_at).not.toBe(before[0]!.updated_at);
		expect(changed!.outbox_version).toBeGreaterThan(before[0]!.outbox_version!);
		expect(same).toEqual(before[1]);
	});

	it('writes nothing at all when one row is wrong, and says which row and column', async () => {
		const result = await run(cast.clients['a member'], forAcademy(), [
			line('d-1'),
			line('d-2', { meisjes: '21' }),
			line('d-3')
		]);
		expect(result.created).toBe(2);
		expect(result.errors).toEqual([
			{
				row: 3,
				column: 'meisjes',
				message: 'Dit zijn er meer dan de 20 deelnemers. Verwacht hoogstens 20.'
			}
		]);
		expect(await stored(['d-1', 'd-2', 'd-3'])).toEqual([]);
	});

	it('writes nothing when the database finds a row wrong (a NIS code that is no municipality)', async () => {
		const result = await run(cast.clients['a member'], forAcademy(), [
			line('e-1'),
			line('e-2', { nis: '99999' })
		]);
		expect(result.errors).toEqual([
			{ row: 3, column: 'nis', message: expect.stringContaining('„99999” is geen NIS-code') }
		]);
		expect(await stored(['e-1', 'e-2'])).toEqual([]);
	});

	it('writes nothing in a dry run, but counts what a run would do', async () => {
		const result = await run(cast.clients['a member'], forAcademy(), [line('f-1')], {
			dryRun: true
		});
		expect(result).toMatchObject({ dryRun: true, rows: 1, created: 1, errors: [] });
		expect(await stored(['f-1'])).toEqual([]);
	});

	it('keeps a draft a draft, refuses reach on it, and refuses to turn a published activity back', async () => {
		const header = `${HEADER};status`;
		const draft = await run(
			cast.clients['a member'],
			forAcademy(),
			[`${line('g-1', { deelnemers: '', meisjes: '' })};ontwerp`],
			{ header }
		);
		expect(draft.errors).toEqual([]);
		expect(await stored(['g-1'])).toMatchObject([{ status: 'draft', published: false }]);

		await run(cast.clients['a member'], forAcademy(), [line('g-2')]);
		const back = await run(
			cast.clients['a member'],
			forAcademy(),
			[`${line('g-2', { deelnemers: '', meisjes: '' })};ontwerp`],
			{ header }
		);
		expect(back.errors).toEqual([
			{ row: 2, column: 'status', message: expect.stringContaining('kan niet terug naar ontwerp') }
		]);
		expect(await stored(['g-2'])).toMatchObject([{ status: 'published', participants: 20 }]);
	});

	it('refuses reach for an activity that has not started, in English too', async () => {
		const result = await run(
			cast.clients['a member'],
			forAcademy(),
			[line('h-1', { startdatum: '2099-01-10' })],
			{ locale: 'en' }
		);
		expect(result.errors).toEqual([
			{
				row: 2,
				column: 'deelnemers',
				message: expect.stringContaining("Reach is filled in from the activity's first day")
			}
		]);
		expect(await stored(['h-1'])).toEqual([]);
	});

	it('reads the XLSX template: its example row imports', async () => {
		const template = await activityTemplate('xlsx', 'academy', 'nl');
		const result = await importActivities(cast.clients['a member'] as SupabaseClient<Database>, {
			data: template.body,
			filename: template.filename,
			scope: forAcademy(),
			dryRun: false,
			locale: 'nl'
		});
		expect(result).toMatchObject({ rows: 1, created: 1, errors: [] });
		expect(await stored(['robots-2025-01'])).toMatchObject([{ participants: 14, girls: 6 }]);
	});
});

describe('who may import', () => {
	it.each(['a signed-in stranger', 'anonymous', 'network staff'] as const)(
		'refuses %s for an academy (network staff import through the network import)',
		async (who) => {
			const result = await run(cast.clients[who], forAcademy(), [line(`x-${who}`)]);
			expect(result.errors).toEqual([
				{
					row: 1,
					column: null,
					message: 'Je kunt alleen activiteiten importeren voor een academie waartoe je behoort.'
				}
			]);
			expect(await stored([`x-${who}`])).toEqual([]);
		}
	);

	it('refuses a member for another academy, and for an organisation that is no academy', async () => {
		const forOther = await run(
			cast.clients['a member'],
			{ kind: 'academy', organisationId: other.id },
			[line('y-1')]
		);
		expect(forOther.errors).toMatchObject([{ row: 1, column: null }]);
		const forSchool = await run(
			cast.clients['a member'],
			{ kind: 'academy', organisationId: school.id },
			[line('y-2')]
		);
		expect(forSchool.errors).toEqual([
			{ row: 1, column: null, message: 'Die academie bestaat niet.' }
		]);
		expect(await stored(['y-1', 'y-2'])).toEqual([]);
	});

	it.each(['a member', 'an owner', 'a signed-in stranger', 'anonymous'] as const)(
		'refuses %s a network import',
		async (who) => {
			const result = await run(
				cast.clients[who],
				{ kind: 'network' },
				[networkLine('z-1', academy.slug)],
				{
					header: NETWORK_HEADER
				}
			);
			expect(result.errors).toHaveLength(1);
			expect(result.errors[0]).toMatchObject({ row: 1, column: null });
			expect(await stored(['z-1'])).toEqual([]);
		}
	);
});

describe('importing for the network', () => {
	it('lets network staff import for several academies, each row naming its academy', async () => {
		const result = await run(
			cast.clients['network staff'],
			{ kind: 'network' },
			[networkLine('n-1', academy.slug), networkLine('n-2', other.slug)],
			{ header: NETWORK_HEADER }
		);
		expect(result).toMatchObject({ created: 2, errors: [] });
		const rows = await stored(['n-1', 'n-2']);
		expect(rows.map((row) => [row.import_id, row.organisation_id])).toEqual([
			['n-1', academy.id],
			['n-2', other.id]
		]);
	});

	it('the service role may too (npm run import:activities)', async () => {
		const result = await run(serviceRole, { kind: 'network' }, [networkLine('n-3', other.slug)], {
			header: NETWORK_HEADER
		});
		expect(result).toMatchObject({ created: 1, errors: [] });
	});

	it('reports an unknown academy, a school and an unknown municipality per row, and writes nothing', async () => {
		const result = await run(
			cast.clients['network staff'],
			{ kind: 'network' },
			[
				networkLine('m-1', academy.slug),
				networkLine('m-2', 'bestaat-niet'),
				networkLine('m-3', school.slug),
				networkLine('m-4', other.slug, { nis: '00000' })
			],
			{ header: NETWORK_HEADER }
		);
		expect(result.errors.map((error) => [error.row, error.column])).toEqual([
			[3, 'academie'],
			[4, 'academie'],
			[5, 'nis']
		]);
		expect(result.errors[0]!.message).toContain('„bestaat-niet” is geen academie');
		expect(await stored(['m-1', 'm-2', 'm-3', 'm-4'])).toEqual([]);
	});

	it('refuses the same external id twice for one academy, and allows it for two', async () => {
		const result = await run(
			cast.clients['network staff'],
			{ kind: 'network' },
			[
				networkLine('k-1', academy.slug),
				networkLine('k-1', other.slug),
				networkLine('k-1', academy.slug)
			],
			{ header: NETWORK_HEADER }
		);
		expect(result.errors.map((error) => [error.row, error.column])).toEqual([[4, 'extern_id']]);
	});
});
