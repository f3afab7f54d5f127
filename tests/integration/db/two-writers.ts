// Two transactions at once, as postgres, for the tables that triggers keep (coverage counts, nearest
// academies, matching's pairs, posts' is_public): the first writes and stays open; the second writes while
// the first is open, and goes on once it waits for a lock (or is done); then the first writes once more if
// given a third write (a row the second may hold by now), and commits, and the second commits too, unless
// its write failed. Waits for those conditions, never for a fixed time.
import pg from 'pg';
import { databaseUrl } from '../../../stack/config.js';

type Write = (db: pg.Client) => Promise<unknown>;
type DbError = { code?: string; message?: string };

const described = (error: DbError) => `${error.code ?? ''} ${error.message ?? String(error)}`;

/**
 * Runs the writes as above; the error (SQLSTATE and message) of the first's second write or of the second,
 * or null when both committed.
 */
export async function twoWritersAtOnce(
	first: Write,
	second: Write,
	firstAgain?: Write
): Promise<string | null> {
	const [a, b, watcher] = [0, 1, 2].map(() => new pg.Client({ connectionString: databaseUrl }));
	await Promise.all([a!.connect(), b!.connect(), watcher!.connect()]);
	try {
		const [{ pid }] = (await b!.query<{ pid: number }>('select pg_backend_pid() as pid')).rows as [
			{ pid: number }
		];
		await a!.query('begin');
		await b!.query('begin');
		await first(a!);
		let settled = false;
		const secondDone = second(b!).then(
			() => {
				settled = true;
				return null;
			},
			(error: DbError) => {
				settled = true;
				return described(error);
			}
		);
		while (!settled) {
			const { rows } = await watcher!.query<{ waiting: string | null }>(
				'select wait_event_type as waiting from pg_stat_activity where pid = $1',
				[pid]
			);
			if (rows[0]?.waiting === 'Lock') break;
			await new Promise((resolve) => setTimeout(resolve, 10));
		}
		const firstFailed = firstAgain
			? await firstAgain(a!).then(
					() => null,
					(error: DbError) => described(error)
				)
			: null;
		await a!.query(firstFailed ? 'rollback' : 'commit');
		const failed = await secondDone;
		await b!.query(failed ? 'rollback' : 'commit');
		return firstFailed ?? failed;
	} finally {
		await Promise.all([a!.end(), b!.end(), watcher!.end()]);
	}
}
