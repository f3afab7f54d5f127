#!/usr/bin/env node
// @ts-check
// `npm run db:types`: TypeScript types of schema public, read from the running database, in the shape
// `supabase gen types typescript` produces (that command needs Docker). `--check` fails when the
// committed file is stale instead of writing it.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import * as prettier from 'prettier';
import { databaseUrl, root } from '../stack/config.js';

const target = path.join(root, 'src/lib/types/database.ts');
const schema = 'public';

/** @typedef {{ name: string, type: string, nullable: boolean, optional: boolean, generated: boolean }} Column */

/**
 * Postgres type name (udt_name; arrays start with _) → TypeScript.
 * @returns {string}
 */
function tsType(/** @type {string} */ udt, /** @type {Map<string, string[]>} */ enums) {
	if (udt.startsWith('_')) return `${tsType(udt.slice(1), enums)}[]`;
	if (enums.has(udt)) return `Database['${schema}']['Enums']['${udt}']`;
	switch (udt) {
		case 'bool':
			return 'boolean';
		case 'int2':
		case 'int4':
		case 'int8':
		case 'float4':
		case 'float8':
		case 'numeric':
		case 'oid':
			return 'number';
		case 'json':
		case 'jsonb':
			return 'Json';
		case 'void':
			return 'undefined';
		case 'record':
			return 'Record<string, unknown>';
		case 'text':
		case 'varchar':
		case 'bpchar':
		case 'citext':
		case 'uuid':
		case 'date':
		case 'time':
		case 'timetz':
		case 'timestamp':
		case 'timestamptz':
		case 'interval':
		case 'inet':
		case 'name':
		case 'tsvector':
		case 'int4range':
		case 'daterange':
		case 'tstzrange':
			return 'string';
		default:
			return 'unknown';
	}
}

/** @param {pg.Client} db */
async function readSchema(db) {
	const enums = new Map(
		(
			await db.query(
				`select t.typname as name, array_agg(e.enumlabel::text order by e.enumsortorder) as labels
				from pg_type t join pg_enum e on e.enumtypid = t.oid
				join pg_namespace n on n.oid = t.typnamespace
				where n.nspname = $1 group by t.typname order by t.typname`,
				[schema]
			)
		).rows.map((row) => [row.name, row.labels])
	);

	const relations = (
		await db.query(
			`select c.relname as name, c.relkind as kind
			from pg_class c join pg_namespace n on n.oid = c.relnamespace
			where n.nspname = $1 and c.relkind in ('r', 'p', 'v', 'm')
			order by c.relname`,
			[schema]
		)
	).rows;

	const columnRows = (
		await db.query(
			`select c.table_name, c.column_name, c.udt_name, c.is_nullable = 'YES' as nullable,
				c.column_default is not null or c.is_identity = 'YES' as has_default,
				c.is_generated = 'ALWAYS' or c.identity_generation = 'ALWAYS' as generated
			from information_schema.columns c
			where c.table_schema = $1
			order by c.table_name, c.ordinal_position`,
			[schema]
		)
	).rows;
	/** @type {Map<string, Column[]>} */
	const columns = new Map();
	for (const row of columnRows) {
		const list = columns.get(row.table_name) ?? [];
		list.push({
			name: row.column_name,
			type: tsType(row.udt_name, enums),
			nullable: row.nullable,
			optional: row.nullable || row.has_default,
			generated: row.generated
		});
		columns.set(row.table_name, list);
	}

	const foreignKeys = (
		await db.query(
			`select con.conname as name, src.relname as table_name, dst.relname as referenced,
				(select array_agg(a.attname::text order by k.ord) from unnest(con.conkey) with ordinality k(num, ord)
					join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.num) as columns,
				(select array_agg(a.attname::text order by k.ord) from unnest(con.confkey) with ordinality k(num, ord)
					join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.num) as referenced_columns,
				exists (
					select 1 from pg_index i
					where i.indrelid = con.conrelid and i.indisunique
						and (select array_agg(x order by x) from unnest(i.indkey::int2[]) x)
							= (select array_agg(x order by x) from unnest(con.conkey) x)
				) as one_to_one
			from pg_constraint con
			join pg_class src on src.oid = con.conrelid
			join pg_namespace n on n.oid = src.relnamespace
			join pg_class dst on dst.oid = con.confrelid
			join pg_namespace dn on dn.oid = dst.relnamespace
			where con.contype = 'f' and n.nspname = $1 and dn.nspname = $1
			order by src.relname, con.conname`,
			[schema]
		)
	).rows;

	const functions = (
		await db.query(
			`select p.proname as name,
				coalesce(p.proargnames, '{}') as arg_names,
				coalesce(p.proargmodes::text[], '{}') as arg_modes,
				(select coalesce(array_agg(t.typname::text order by k.ord), '{}')
					from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) with ordinality k(oid, ord)
					join pg_type t on t.oid = k.oid) as arg_types,
				p.pronargdefaults as defaults, p.pronargs as arg_count,
				rt.typname as return_type, p.proretset as returns_set,
				-- A composite type of its own (not a table's row) returns its attributes, like returns table.
				(select array_agg(a.attname::text order by a.attnum)
					from pg_attribute a join pg_class c on c.oid = a.attrelid
					where a.attrelid = rt.typrelid and c.relkind = 'c' and a.attnum > 0 and not a.attisdropped
				) as return_names,
				(select array_agg(at.typname::text order by a.attnum)
					from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_type at on at.oid = a.atttypid
					where a.attrelid = rt.typrelid and c.relkind = 'c' and a.attnum > 0 and not a.attisdropped
				) as return_types
			from pg_proc p
			join pg_namespace n on n.oid = p.pronamespace
			join pg_type rt on rt.oid = p.prorettype
			where n.nspname = $1 and p.prokind = 'f'
				and rt.typname not in ('trigger', 'event_trigger')
				and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
			order by p.proname, p.oid`,
			[schema]
		)
	).rows;

	return { enums, relations, columns, foreignKeys, functions };
}

/** @param {Column[]} list @param {'Row' | 'Insert' | 'Update'} mode */
function columnBlock(list, mode) {
	const lines = list.map((column) => {
		const type = column.nullable ? `${column.type} | null` : column.type;
		if (mode === 'Row') return `${column.name}: ${type}`;
		if (column.generated) return `${column.name}?: never`;
		const optional = mode === 'Update' || column.optional;
		return `${column.name}${optional ? '?' : ''}: ${type}`;
	});
	return `{ ${lines.join('; ')} }`;
}

/** @param {Awaited<ReturnType<typeof readSchema>>} info @param {string} table */
function relationships(info, table) {
	const items = info.foreignKeys
		.filter((fk) => fk.table_name === table)
		.map(
			(fk) => `{
				foreignKeyName: ${JSON.stringify(fk.name)}
				columns: ${JSON.stringify(fk.columns)}
				isOneToOne: ${fk.one_to_one}
				referencedRelation: ${JSON.stringify(fk.referenced)}
				referencedColumns: ${JSON.stringify(fk.referenced_columns)}
			}`
		);
	return `[${items.join(', ')}]`;
}

/** @param {Awaited<ReturnType<typeof readSchema>>} info */
function functionTypes(info) {
	/** @type {string[]} */
	const entries = [];
	const seen = new Set();
	for (const fn of info.functions) {
		// Overloads: the first one wins, like a caller passing named arguments would mostly hit.
		if (seen.has(fn.name)) continue;
		seen.add(fn.name);
		const modes = fn.arg_modes.length > 0 ? fn.arg_modes : fn.arg_types.map(() => 'i');
		/** @type {string[]} */
		const args = [];
		/** @type {string[]} */
		const outputs = [];
		const firstDefault = fn.arg_count - fn.defaults;
		let inputIndex = 0;
		modes.forEach((/** @type {string} */ mode, /** @type {number} */ i) => {
			const name = fn.arg_names[i] || `arg${i}`;
			const type = tsType(fn.arg_types[i], info.enums);
			if (mode === 'i' || mode === 'b') {
				args.push(`${name}${inputIndex >= firstDefault ? '?' : ''}: ${type}`);
				inputIndex++;
			}
			if (mode === 'o' || mode === 'b' || mode === 't') outputs.push(`${name}: ${type}`);
		});
		(fn.return_names ?? []).forEach((/** @type {string} */ name, /** @type {number} */ i) => {
			outputs.push(`${name}: ${tsType(fn.return_types[i], info.enums)}`);
		});
		let returns =
			outputs.length > 0 ? `{ ${outputs.join('; ')} }` : tsType(fn.return_type, info.enums);
		if (fn.returns_set) returns = `${returns}[]`;
		entries.push(
			`${fn.name}: { Args: ${args.length > 0 ? `{ ${args.join('; ')} }` : 'never'}; Returns: ${returns} }`
		);
	}
	return entries.length > 0 ? `{ ${entries.join('\n')} }` : '{ [_ in never]: never }';
}

/** @param {Awaited<ReturnType<typeof readSchema>>} info */
function render(info) {
	const tables = info.relations.filter((r) => r.kind === 'r' || r.kind === 'p');
	const views = info.relations.filter((r) => r.kind === 'v' || r.kind === 'm');
	const tableTypes = tables.map((t) => {
		const list = info.columns.get(t.name) ?? [];
		return `${t.name}: {
			Row: ${columnBlock(list, 'Row')}
			Insert: ${columnBlock(list, 'Insert')}
			Update: ${columnBlock(list, 'Update')}
			Relationships: ${relationships(info, t.name)}
		}`;
	});
	// Views read like tables whose columns may all be null (Postgres cannot tell otherwise).
	const viewTypes = views.map((v) => {
		const list = (info.columns.get(v.name) ?? []).map((c) => ({
			...c,
			nullable: true,
			optional: true
		}));
		return `${v.name}: { Row: ${columnBlock(list, 'Row')}; Relationships: [] }`;
	});
	const enumTypes = [...info.enums].map(
		([name, labels]) =>
			`${name}: ${labels.map((/** @type {string} */ l) => JSON.stringify(l)).join(' | ')}`
	);
	const none = '{ [_ in never]: never }';
	return `// Generated by \`npm run db:types\` from the database's schema ${schema}. Do not edit by hand.
export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[]

export type Database = {
	__InternalSupabase: { PostgrestVersion: '12' }
	${schema}: {
		Tables: ${tableTypes.length > 0 ? `{ ${tableTypes.join('\n')} }` : none}
		Views: ${viewTypes.length > 0 ? `{ ${viewTypes.join('\n')} }` : none}
		Functions: ${functionTypes(info)}
		Enums: ${enumTypes.length > 0 ? `{ ${enumTypes.join('\n')} }` : none}
		CompositeTypes: ${none}
	}
}

type PublicSchema = Database['${schema}']

export type Tables<T extends keyof (PublicSchema['Tables'] & PublicSchema['Views'])> =
	(PublicSchema['Tables'] & PublicSchema['Views'])[T] extends { Row: infer R } ? R : never

export type TablesInsert<T extends keyof PublicSchema['Tables']> =
	PublicSchema['Tables'][T] extends { Insert: infer I } ? I : never

export type TablesUpdate<T extends keyof PublicSchema['Tables']> =
	PublicSchema['Tables'][T] extends { Update: infer U } ? U : never

export type Enums<T extends keyof PublicSchema['Enums']> = PublicSchema['Enums'][T]
`;
}

export async function generateTypes() {
	const db = new pg.Client({ connectionString: databaseUrl });
	await db.connect();
	try {
		const source = render(await readSchema(db));
		const options = (await prettier.resolveConfig(target)) ?? {};
		return prettier.format(source, { ...options, filepath: target });
	} finally {
		await db.end();
	}
}

const invokedDirectly =
	process.argv[1] &&
	path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (invokedDirectly) {
	const check = process.argv.includes('--check');
	try {
		const types = await generateTypes();
		const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
		if (check) {
			if (current !== types) {
				console.error(
					`${path.relative(root, target)} is stale: run \`npm run db:types\` with the stack running`
				);
				process.exit(1);
			}
			console.log(`${path.relative(root, target)} matches the database`);
		} else if (current !== types) {
			fs.writeFileSync(target, types);
			console.log(`wrote ${path.relative(root, target)}`);
		} else {
			console.log(`${path.relative(root, target)} is up to date`);
		}
	} catch (error) {
		console.error(
			`db:types: ${error instanceof Error ? error.message : error} (is the local stack running? npm run stack:start)`
		);
		process.exit(1);
	}
}
