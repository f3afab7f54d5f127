// Runs SQL the way PostgREST runs a request: as the role it switches to (anon, authenticated or
// service_role), with the person's id in the JWT claims, in a transaction that is rolled back. For the
// helpers in schema private, which the API does not expose but policies, views and RPCs call as the
// person asking.
import pg from 'pg';
import { databaseUrl } from '../../../stack/config.js';
import type { Person } from './people.js';

export type Caller = Person | 'anon' | 'service_role';

export type CallerResult<Row> = {
	rows: Row[] | null;
	error: { code: string; hint?: string; message: string } | null;
};

/**
 * Makes the rest of the open transaction on `db` run as the caller: the role PostgREST switches to and
 * the claims of their JWT, both local to the transaction.
 */
export async function actAs(db: pg.Client, caller: Caller) {
	const role = typeof caller === 'string' ? caller : 'authenticated';
	const claims = typeof caller === 'string' ? { role } : { sub: caller.id, role };
	await db.query(`set local role ${role}`);
	await db.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify(claims)]);
}

export async function asCaller<Row = Record<string, unknown>>(
	caller: Caller,
	text: string,
	values: unknown[] = []
): Promise<CallerResult<Row>> {
	const db = new pg.Client({ connectionString: databaseUrl });
	await db.connect();
	try {
		await db.query('begin');
		await actAs(db, caller);
		const result = await db.query(text, values);
		return { rows: result.rows as Row[], error: null };
	} catch (error) {
		const { code, hint, message } = error as pg.DatabaseError;
		return { rows: null, error: { code: code ?? '', hint, message } };
	} finally {
		await db.query('rollback').catch(() => undefined);
		await db.end();
	}
}
