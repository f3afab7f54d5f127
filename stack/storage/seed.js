// @ts-check
// The demo files: supabase/seed/storage/<bucket>/<key> become objects of that bucket (which a migration
// created), as `supabase seed buckets` uploads a bucket's objects_path. Object ids derive from bucket and
// key, so the seed is the same on every load; existing objects are kept.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { root, storageDir } from '../config.js';

const seedDir = path.join(root, 'supabase', 'seed', 'storage');
const mimeTypes = /** @type {Record<string, string>} */ ({
	'.webp': 'image/webp',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.svg': 'image/svg+xml'
});

/** @param {string} dir @returns {string[]} */
function filesUnder(dir) {
	return fs
		.readdirSync(dir, { withFileTypes: true })
		.flatMap((entry) =>
			entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)]
		)
		.sort();
}

/**
 * @param {import('pg').Client} client connected as the superuser
 * @returns {Promise<number>} how many objects were added
 */
export async function seedStorage(client) {
	if (!fs.existsSync(seedDir)) return 0;
	fs.mkdirSync(storageDir, { recursive: true });
	let added = 0;
	for (const bucket of fs.readdirSync(seedDir).sort()) {
		const bucketDir = path.join(seedDir, bucket);
		if (!fs.statSync(bucketDir).isDirectory()) continue;
		for (const file of filesUnder(bucketDir)) {
			const key = path.relative(bucketDir, file).split(path.sep).join('/');
			const bytes = fs.readFileSync(file);
			const hash = crypto.createHash('md5').update(`${bucket}/${key}`).digest('hex');
			const id = `${hash.slice(0, 8)}-${hash.slice(8, 12)}-4${hash.slice(13, 16)}-8${hash.slice(17, 20)}-${hash.slice(20, 32)}`;
			const metadata = {
				eTag: `"${crypto.createHash('md5').update(bytes).digest('hex')}"`,
				size: bytes.length,
				mimetype: mimeTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
				cacheControl: 'max-age=3600',
				lastModified: new Date(0).toUTCString(),
				contentLength: bytes.length,
				httpStatusCode: 200
			};
			const { rowCount } = await client.query(
				`insert into storage.objects (id, bucket_id, name, metadata, version)
				 values ($1::uuid, $2, $3, $4, $1::text) on conflict (bucket_id, name) do nothing`,
				[id, bucket, key, metadata]
			);
			if (rowCount) {
				fs.writeFileSync(path.join(storageDir, id), bytes);
				added += 1;
			}
		}
	}
	return added;
}
