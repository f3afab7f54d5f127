// @ts-check
// createStorageHandler: the part of Supabase Storage's HTTP API that supabase-js uses, for paths below
// the storage root (/storage/v1 stripped). Rows live in storage.buckets and storage.objects; every read
// and write of a row runs as the caller's role with their JWT claims set, as PostgREST does, so that the
// project's RLS policies on those tables decide. The bytes live in one file per object id under `dir`.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { jwtKeySet, verifyAccessToken } from '../auth/jwt.js';
import { StorageError, errors, fromDatabaseError } from './errors.js';

/** Supabase's default upload limit for a project (UPLOAD_FILE_SIZE_LIMIT). */
const GLOBAL_FILE_SIZE_LIMIT = 50 * 1024 * 1024;
const API_ROLES = new Set(['anon', 'authenticated', 'service_role']);
// The characters supabase/storage accepts in a key (its isValidKey).
const VALID_KEY = /^(\w|\/|!|-|\.|\*|'|\(|\)| |&|\$|@|=|;|:|\+|,|\?)*$/;

/** @typedef {import('node:http').IncomingMessage} Req */
/** @typedef {import('node:http').ServerResponse} Res */
/** @typedef {{ role: string, sub?: string, [claim: string]: unknown }} Claims */

/**
 * @param {{ databaseUrl: string, jwtSecret: string, jwks?: { keys: unknown[] }, dir: string,
 *   log?: (line: string) => void, poolMax?: number }} options
 *   `jwks`: public keys to accept besides the secret (Storage's JWT_JWKS), by the token's kid
 */
export function createStorageHandler({
	databaseUrl,
	jwtSecret,
	jwks,
	dir,
	log = () => {},
	poolMax = 5
}) {
	const keys = jwtKeySet({ secret: jwtSecret, keys: jwks?.keys ?? [], verifyOnly: true });
	const pool = new pg.Pool({ connectionString: databaseUrl, max: poolMax });
	pool.on('error', (error) => log(`storage: pg pool error: ${error.message}`));
	fs.mkdirSync(dir, { recursive: true });
	const store = new ObjectFiles(dir);

	/**
	 * Runs fn in a transaction as the caller's database role, with their claims where policies read them.
	 * @template T
	 * @param {Claims} claims
	 * @param {(client: pg.PoolClient) => Promise<T>} fn
	 * @returns {Promise<T>}
	 */
	async function asCaller(claims, fn) {
		const client = await pool.connect();
		try {
			await client.query('begin');
			await client.query(
				`select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)`,
				[claims.role, JSON.stringify(claims)]
			);
			const result = await fn(client);
			await client.query('commit');
			return result;
		} catch (error) {
			await client.query('rollback').catch(() => {});
			throw fromDatabaseError(error) ?? error;
		} finally {
			client.release();
		}
	}

	/** @param {string} id */
	async function findBucket(id) {
		const { rows } = await pool.query('select * from storage.buckets where id = $1', [id]);
		if (!rows[0]) throw errors.noSuchBucket();
		return rows[0];
	}

	/** @param {Req} req @param {Res} res */
	async function handle(req, res) {
		const url = new URL(req.url ?? '/', 'http://storage.local');
		const method = req.method ?? 'GET';
		let segments;
		try {
			segments = url.pathname
				.replace(/^\/+/, '')
				.split('/')
				.map((segment) => decodeURIComponent(segment));
		} catch {
			throw errors.invalidRequest('Invalid path');
		}
		const [area, ...rest] = segments;

		if (method === 'GET' && area === 'status') return sendJson(res, 200, { status: 'ok' });
		if (area === 'object' && rest[0] === 'public' && (method === 'GET' || method === 'HEAD')) {
			const [, bucketId = '', ...key] = rest;
			return sendPublicObject(req, res, bucketId, key.join('/'));
		}

		const claims = callerClaims(req, keys);
		if (area === 'bucket') return bucketRoute(req, res, method, rest, claims);
		if (area === 'object') return objectRoute(req, res, method, rest, claims);
		throw errors.notFound();
	}

	/**
	 * @param {Req} req @param {Res} res @param {string} method @param {string[]} rest
	 * @param {Claims} claims
	 */
	async function bucketRoute(req, res, method, rest, claims) {
		const [id, action] = rest.filter(Boolean);
		if (!id) {
			if (method === 'GET') {
				const rows = await asCaller(claims, async (db) => {
					const result = await db.query(
						`select ${bucketColumns} from storage.buckets order by name`
					);
					return result.rows;
				});
				return sendJson(res, 200, rows);
			}
			if (method === 'POST') {
				const body = await readJson(req);
				const bucketId = String(body.id ?? body.name ?? '');
				if (!bucketId) throw errors.missingParameter('name');
				if (!VALID_KEY.test(bucketId) || bucketId.includes('/'))
					throw errors.invalidRequest(`Bucket name invalid`);
				await asCaller(claims, (db) =>
					db.query(
						`insert into storage.buckets (id, name, owner, owner_id, public, file_size_limit, allowed_mime_types)
						 values ($1, $2, $3::uuid, $4::text, $5, $6, $7)`,
						[
							bucketId,
							String(body.name ?? bucketId),
							claims.sub ?? null,
							claims.sub ?? null,
							body.public === true,
							parseSize(body.file_size_limit),
							body.allowed_mime_types ?? null
						]
					)
				);
				return sendJson(res, 200, { name: bucketId });
			}
		} else if (!action) {
			if (method === 'GET') {
				const row = await asCaller(claims, async (db) => {
					const result = await db.query(
						`select ${bucketColumns} from storage.buckets where id = $1`,
						[id]
					);
					return result.rows[0];
				});
				if (!row) throw errors.noSuchBucket();
				return sendJson(res, 200, row);
			}
			if (method === 'PUT') {
				const body = await readJson(req);
				const updated = await asCaller(claims, (db) =>
					db.query(
						`update storage.buckets set
							public = coalesce($2, public),
							file_size_limit = case when $3 then $4 else file_size_limit end,
							allowed_mime_types = case when $5 then $6::text[] else allowed_mime_types end,
							updated_at = now()
						 where id = $1`,
						[
							id,
							typeof body.public === 'boolean' ? body.public : null,
							'file_size_limit' in body,
							parseSize(body.file_size_limit),
							'allowed_mime_types' in body,
							body.allowed_mime_types ?? null
						]
					)
				);
				if (updated.rowCount === 0) throw errors.noSuchBucket();
				return sendJson(res, 200, { message: 'Successfully updated' });
			}
			if (method === 'DELETE') {
				await asCaller(claims, async (db) => {
					const objects = await db.query(
						'select 1 from storage.objects where bucket_id = $1 limit 1',
						[id]
					);
					if (objects.rowCount) throw errors.bucketNotEmpty();
					const deleted = await db.query('delete from storage.buckets where id = $1', [id]);
					if (deleted.rowCount === 0) throw errors.noSuchBucket();
				});
				return sendJson(res, 200, { message: 'Successfully deleted' });
			}
		} else if (action === 'empty' && method === 'POST') {
			await findBucket(id);
			const removed = await asCaller(claims, async (db) => {
				const result = await db.query(
					'delete from storage.objects where bucket_id = $1 returning id',
					[id]
				);
				return result.rows;
			});
			store.remove(removed.map((row) => row.id));
			return sendJson(res, 200, { message: 'Successfully emptied' });
		}
		throw errors.notFound();
	}

	/**
	 * @param {Req} req @param {Res} res @param {string} method @param {string[]} rest
	 * @param {Claims} claims
	 */
	async function objectRoute(req, res, method, rest, claims) {
		const [first = '', ...others] = rest;
		if (method === 'POST' && first === 'list')
			return listObjects(req, res, others[0] ?? '', claims);
		if (method === 'POST' && first === 'move') return moveObject(req, res, claims);
		if (method === 'POST' && first === 'copy') return copyObject(req, res, claims);
		if (first === 'authenticated' && (method === 'GET' || method === 'HEAD')) {
			const [bucketId = '', ...key] = others;
			return sendObject(req, res, bucketId, key.join('/'), claims);
		}
		const bucketId = first;
		const key = others.join('/');
		if (method === 'DELETE' && !key) return deleteObjects(req, res, bucketId, claims);
		if (!key) throw errors.notFound();
		if (method === 'POST' || method === 'PUT')
			return upload(req, res, method, bucketId, key, claims);
		if (method === 'GET' || method === 'HEAD') return sendObject(req, res, bucketId, key, claims);
		if (method === 'DELETE') {
			const removed = await asCaller(claims, async (db) => {
				const result = await db.query(
					'delete from storage.objects where bucket_id = $1 and name = $2 returning id',
					[bucketId, key]
				);
				return result.rows;
			});
			if (removed.length === 0) throw errors.noSuchKey();
			store.remove(removed.map((row) => row.id));
			return sendJson(res, 200, { message: 'Successfully deleted' });
		}
		throw errors.notFound();
	}

	/**
	 * POST creates (or with x-upsert: true replaces), PUT replaces an existing object.
	 * @param {Req} req @param {Res} res @param {string} method @param {string} bucketId
	 * @param {string} key @param {Claims} claims
	 */
	async function upload(req, res, method, bucketId, key, claims) {
		checkKey(key);
		const bucket = await findBucket(bucketId);
		const limit = Math.min(Number(bucket.file_size_limit ?? Infinity), GLOBAL_FILE_SIZE_LIMIT);
		const declared = Number(req.headers['content-length'] ?? Number.NaN);
		if (Number.isFinite(declared) && declared > limit + multipartOverhead(req)) {
			req.resume();
			throw errors.entityTooLarge();
		}
		const file = await readUpload(req, limit + multipartOverhead(req));
		if (file.bytes.length > limit) throw errors.entityTooLarge();
		const allowed = /** @type {string[] | null} */ (bucket.allowed_mime_types);
		if (allowed && allowed.length > 0 && !mimeTypeAllowed(file.mimeType, allowed)) {
			throw errors.invalidMimeType(file.mimeType);
		}
		const upsert = method === 'PUT' || req.headers['x-upsert'] === 'true';
		const metadata = {
			eTag: `"${crypto.createHash('md5').update(file.bytes).digest('hex')}"`,
			size: file.bytes.length,
			mimetype: file.mimeType,
			cacheControl: file.cacheControl,
			lastModified: new Date().toUTCString(),
			contentLength: file.bytes.length,
			httpStatusCode: 200
		};
		const owner = claims.sub ?? null;
		const row = await asCaller(claims, async (db) => {
			let result;
			if (method === 'PUT') {
				result = await db.query(
					`update storage.objects set metadata = $3, owner = $4::uuid, owner_id = $4::text, version = $5
					 where bucket_id = $1 and name = $2 returning id`,
					[bucketId, key, metadata, owner, crypto.randomUUID()]
				);
				if (result.rowCount === 0) throw errors.noSuchKey();
			} else {
				result = await db.query(
					`insert into storage.objects (bucket_id, name, owner, owner_id, metadata, version)
					 values ($1, $2, $3::uuid, $3::text, $4, $5)
					 ${upsert ? 'on conflict (bucket_id, name) do update set metadata = excluded.metadata, owner = excluded.owner, owner_id = excluded.owner_id, version = excluded.version, updated_at = now()' : ''}
					 returning id`,
					[bucketId, key, owner, metadata, crypto.randomUUID()]
				);
			}
			// Written before the commit: a row never points at missing bytes.
			store.write(result.rows[0].id, file.bytes);
			return result.rows[0];
		});
		return sendJson(res, 200, { Id: row.id, Key: `${bucketId}/${key}` });
	}

	/**
	 * @param {Req} req @param {Res} res @param {string} bucketId @param {string} key
	 * @param {Claims} claims
	 */
	async function sendObject(req, res, bucketId, key, claims) {
		await findBucket(bucketId);
		const row = await asCaller(claims, async (db) => {
			const result = await db.query(
				'select id, metadata, updated_at from storage.objects where bucket_id = $1 and name = $2',
				[bucketId, key]
			);
			return result.rows[0];
		});
		if (!row) throw errors.noSuchKey();
		return sendBytes(req, res, row);
	}

	/** @param {Req} req @param {Res} res @param {string} bucketId @param {string} key */
	async function sendPublicObject(req, res, bucketId, key) {
		const bucket = await findBucket(bucketId);
		if (!bucket.public) throw errors.noSuchBucket();
		const { rows } = await pool.query(
			'select id, metadata, updated_at from storage.objects where bucket_id = $1 and name = $2',
			[bucketId, key]
		);
		if (!rows[0]) throw errors.noSuchKey();
		return sendBytes(req, res, rows[0]);
	}

	/** @param {Req} req @param {Res} res @param {{ id: string, metadata: any, updated_at: Date }} row */
	function sendBytes(req, res, row) {
		const bytes = store.read(row.id);
		if (!bytes) throw errors.noSuchKey();
		const etag = row.metadata?.eTag ?? `"${row.id}"`;
		const headers = {
			'content-type': row.metadata?.mimetype ?? 'application/octet-stream',
			'cache-control': row.metadata?.cacheControl ?? 'no-cache',
			etag,
			'last-modified': new Date(row.updated_at).toUTCString(),
			'content-length': String(bytes.length)
		};
		if (req.headers['if-none-match'] === etag) {
			res.writeHead(304, headers);
			return res.end();
		}
		res.writeHead(200, headers);
		res.end(req.method === 'HEAD' ? undefined : bytes);
	}

	/** @param {Req} req @param {Res} res @param {string} bucketId @param {Claims} claims */
	async function deleteObjects(req, res, bucketId, claims) {
		const body = await readJson(req);
		const prefixes = body.prefixes;
		if (!Array.isArray(prefixes) || prefixes.length === 0)
			throw errors.missingParameter('prefixes');
		if (prefixes.length > 1000)
			throw errors.invalidRequest('Maximum number of prefixes to delete is 1000');
		await findBucket(bucketId);
		// Objects the caller may not delete are left alone and left out of the answer, as on Supabase.
		const removed = await asCaller(claims, async (db) => {
			const result = await db.query(
				`delete from storage.objects where bucket_id = $1 and name = any($2::text[])
				 returning id, bucket_id, name, owner, owner_id, version, metadata, user_metadata,
					created_at, updated_at, last_accessed_at`,
				[bucketId, prefixes.map(String)]
			);
			return result.rows;
		});
		store.remove(removed.map((row) => row.id));
		return sendJson(res, 200, removed);
	}

	/** @param {Req} req @param {Res} res @param {string} bucketId @param {Claims} claims */
	async function listObjects(req, res, bucketId, claims) {
		const body = await readJson(req);
		const prefix = String(body.prefix ?? '').replace(/^\/+|\/+$/g, '');
		const folder = prefix ? `${prefix}/` : '';
		const limit = Math.max(1, Math.min(Number(body.limit ?? 100), 1000));
		const offset = Math.max(0, Number(body.offset ?? 0));
		const search = String(body.search ?? '');
		const column = ['name', 'created_at', 'updated_at', 'last_accessed_at'].includes(
			body.sortBy?.column
		)
			? body.sortBy.column
			: 'name';
		const descending = String(body.sortBy?.order ?? 'asc').toLowerCase() === 'desc';
		await findBucket(bucketId);
		const rows = await asCaller(claims, async (db) => {
			const result = await db.query(
				`select id, name, created_at, updated_at, last_accessed_at, metadata from storage.objects
				 where bucket_id = $1 and name like $2 escape '\\'`,
				[bucketId, `${likeEscape(folder)}%`]
			);
			return result.rows;
		});
		/** @type {Map<string, any>} */
		const entries = new Map();
		for (const row of rows) {
			const [name = '', ...deeper] = String(row.name).slice(folder.length).split('/');
			if (!name.toLowerCase().startsWith(search.toLowerCase())) continue;
			if (deeper.length > 0) {
				if (!entries.has(name))
					entries.set(name, {
						name,
						id: null,
						updated_at: null,
						created_at: null,
						last_accessed_at: null,
						metadata: null
					});
			} else {
				entries.set(name, { ...row, name });
			}
		}
		const sorted = [...entries.values()].sort((a, b) => {
			const folders = Number(a.id !== null) - Number(b.id !== null);
			if (folders !== 0) return folders;
			const left = column === 'name' ? a.name : String(a[column]?.toISOString?.() ?? '');
			const right = column === 'name' ? b.name : String(b[column]?.toISOString?.() ?? '');
			const order = left < right ? -1 : left > right ? 1 : 0;
			return descending ? -order : order;
		});
		return sendJson(res, 200, sorted.slice(offset, offset + limit));
	}

	/** @param {Req} req @param {Res} res @param {Claims} claims */
	async function moveObject(req, res, claims) {
		const { bucketId, sourceKey, destinationKey, destinationBucket } = await readJson(req);
		if (!bucketId || !sourceKey || !destinationKey)
			throw errors.missingParameter('bucketId, sourceKey or destinationKey');
		checkKey(String(destinationKey));
		const target = String(destinationBucket || bucketId);
		await findBucket(String(bucketId));
		await findBucket(target);
		const moved = await asCaller(claims, async (db) => {
			const result = await db.query(
				`update storage.objects set bucket_id = $3, name = $4
				 where bucket_id = $1 and name = $2 returning id, name`,
				[bucketId, sourceKey, target, destinationKey]
			);
			if (result.rowCount === 0) throw errors.noSuchKey();
			return result.rows[0];
		});
		return sendJson(res, 200, { message: 'Successfully moved', Id: moved.id, Key: moved.name });
	}

	/** @param {Req} req @param {Res} res @param {Claims} claims */
	async function copyObject(req, res, claims) {
		const { bucketId, sourceKey, destinationKey, destinationBucket } = await readJson(req);
		if (!bucketId || !sourceKey || !destinationKey)
			throw errors.missingParameter('bucketId, sourceKey or destinationKey');
		checkKey(String(destinationKey));
		const target = String(destinationBucket || bucketId);
		await findBucket(String(bucketId));
		await findBucket(target);
		const upsert = req.headers['x-upsert'] === 'true';
		const copied = await asCaller(claims, async (db) => {
			const source = await db.query(
				'select id, metadata from storage.objects where bucket_id = $1 and name = $2',
				[bucketId, sourceKey]
			);
			if (!source.rows[0]) throw errors.noSuchKey();
			const result = await db.query(
				`insert into storage.objects (bucket_id, name, owner, owner_id, metadata, version)
				 values ($1, $2, $3::uuid, $3::text, $4, $5)
				 ${upsert ? 'on conflict (bucket_id, name) do update set metadata = excluded.metadata, updated_at = now()' : ''}
				 returning id, bucket_id, name, owner, owner_id, version, metadata, created_at, updated_at`,
				[target, destinationKey, claims.sub ?? null, source.rows[0].metadata, crypto.randomUUID()]
			);
			const bytes = store.read(source.rows[0].id);
			if (!bytes) throw errors.noSuchKey();
			store.write(result.rows[0].id, bytes);
			return result.rows[0];
		});
		return sendJson(res, 200, { Id: copied.id, Key: `${target}/${destinationKey}`, ...copied });
	}

	const handler = /** @type {any} */ (
		(/** @type {Req} */ req, /** @type {Res} */ res) => {
			handle(req, res).catch((error) => {
				const known = error instanceof StorageError ? error : fromDatabaseError(error);
				if (!known) log(`storage: ${req.method} ${req.url}: ${error?.stack ?? error}`);
				if (res.headersSent) return res.destroy();
				const refusal = known ?? errors.internal();
				sendJson(res, refusal.httpStatus, refusal.render());
			});
		}
	);
	handler.close = () => pool.end();
	return /** @type {((req: Req, res: Res) => void) & { close: () => Promise<void> }} */ (handler);
}

// file_size_limit is a bigint, which node-postgres reads as a string; Supabase answers a number.
const bucketColumns =
	'id, name, owner, public, type, file_size_limit::float8 as file_size_limit, allowed_mime_types, created_at, updated_at';

/** The bytes of each object, in one file named by the object's id (no key ever becomes a path). */
class ObjectFiles {
	/** @param {string} dir */
	constructor(dir) {
		this.dir = dir;
	}
	/** @param {string} id */
	file(id) {
		if (!/^[0-9a-f-]{36}$/.test(id)) throw new Error(`not an object id: ${id}`);
		return path.join(this.dir, id);
	}
	/** @param {string} id @param {Buffer} bytes */
	write(id, bytes) {
		const temporary = `${this.file(id)}.${process.pid}.${crypto.randomUUID()}`;
		fs.writeFileSync(temporary, bytes);
		fs.renameSync(temporary, this.file(id));
	}
	/** @param {string} id */
	read(id) {
		try {
			return fs.readFileSync(this.file(id));
		} catch {
			return undefined;
		}
	}
	/** @param {string[]} ids */
	remove(ids) {
		for (const id of ids) fs.rmSync(this.file(id), { force: true });
	}
}

/** @param {Req} req @param {import('../auth/jwt.js').JwtKeySet} keys @returns {Claims} */
function callerClaims(req, keys) {
	const header = String(req.headers.authorization ?? '');
	const token = header.replace(/^bearer\s+/i, '');
	let claims;
	try {
		claims = verifyAccessToken(token, keys);
	} catch (error) {
		throw errors.invalidJwt(/** @type {Error} */ (error).message);
	}
	if (typeof claims.role !== 'string' || !API_ROLES.has(claims.role)) {
		throw errors.roleDenied('Access denied: Invalid role');
	}
	return /** @type {Claims} */ (claims);
}

/** @param {string} key */
function checkKey(key) {
	const segments = key.split('/');
	if (
		!VALID_KEY.test(key) ||
		key.length > 1024 ||
		segments.some((segment) => segment === '' || segment === '.' || segment === '..')
	) {
		throw errors.invalidKey(key);
	}
}

/** Room for a multipart envelope around the file. @param {Req} req */
function multipartOverhead(req) {
	return String(req.headers['content-type'] ?? '').startsWith('multipart/form-data')
		? 64 * 1024
		: 0;
}

/**
 * The uploaded file: the raw body with its content-type header, or the file part of a multipart form
 * (as supabase-js sends a Blob or FormData).
 * @param {Req} req @param {number} maxBytes
 */
async function readUpload(req, maxBytes) {
	const body = await readRaw(req, maxBytes);
	const contentType = String(req.headers['content-type'] ?? '');
	if (contentType.startsWith('multipart/form-data')) {
		let form;
		try {
			form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
		} catch {
			throw errors.noContent();
		}
		const file = [...form.values()].find((value) => typeof value !== 'string');
		if (!file || typeof file === 'string') throw errors.noContent();
		const declaredType = form.get('contentType');
		const cacheTime = form.get('cacheControl');
		return {
			bytes: Buffer.from(await file.arrayBuffer()),
			mimeType: (typeof declaredType === 'string' && declaredType) || file.type || 'text/plain',
			cacheControl: typeof cacheTime === 'string' && cacheTime ? `max-age=${cacheTime}` : 'no-cache'
		};
	}
	return {
		bytes: body,
		mimeType: contentType || 'application/octet-stream',
		cacheControl: String(req.headers['cache-control'] ?? 'no-cache')
	};
}

/** @param {Req} req @param {number} maxBytes */
async function readRaw(req, maxBytes) {
	/** @type {Buffer[]} */
	const chunks = [];
	let size = 0;
	for await (const chunk of req) {
		size += chunk.length;
		if (size > maxBytes) {
			req.resume();
			throw errors.entityTooLarge();
		}
		chunks.push(chunk);
	}
	return Buffer.concat(chunks);
}

/** @param {Req} req @returns {Promise<Record<string, any>>} */
async function readJson(req) {
	const raw = (await readRaw(req, 1024 * 1024)).toString('utf8');
	if (!raw.trim()) return {};
	try {
		const parsed = JSON.parse(raw);
		return parsed && typeof parsed === 'object' ? parsed : {};
	} catch {
		throw errors.invalidRequest('Body is not valid JSON');
	}
}

/**
 * A mime type against a bucket's allowed list, where `image/*` allows every image type.
 * @param {string} mimeType @param {string[]} allowed
 */
function mimeTypeAllowed(mimeType, allowed) {
	const [type = '', subtype = ''] = mimeType.split(';')[0]?.trim().toLowerCase().split('/') ?? [];
	return allowed.some((entry) => {
		const [allowedType, allowedSubtype] = entry.toLowerCase().split('/');
		return allowedType === type && (allowedSubtype === '*' || allowedSubtype === subtype);
	});
}

/**
 * A bucket's size limit: bytes as a number, or a string with a unit (`5MB`, `1GB`), as the API accepts.
 * @param {unknown} value
 * @returns {number | null}
 */
export function parseSize(value) {
	if (value === null || value === undefined || value === '') return null;
	if (typeof value === 'number') return value;
	const match = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(String(value).trim());
	if (!match) throw errors.invalidRequest(`Invalid file size limit ${String(value)}`);
	const units = { b: 1, kb: 1000, mb: 1000 ** 2, gb: 1000 ** 3 };
	const unit = /** @type {keyof typeof units} */ ((match[2] ?? 'b').toLowerCase());
	return Math.round(Number(match[1]) * units[unit]);
}

/** @param {string} text */
function likeEscape(text) {
	return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** @param {Res} res @param {number} status @param {unknown} body */
function sendJson(res, status, body) {
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'content-type': 'application/json; charset=utf-8',
		'content-length': Buffer.byteLength(text)
	});
	res.end(text);
}
