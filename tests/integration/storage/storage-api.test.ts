// The local stack's Storage API through supabase-js, as an app would use a hosted project's: buckets with
// the service role, uploads, downloads, public URLs, lists, moves, copies and removals, and Supabase's
// refusals (unknown bucket or object, a type or size the bucket does not take, a duplicate, RLS).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonClient, serviceClient } from '../support/supabase.js';

const service = serviceClient();
const bucket = `test-api-${randomUUID().slice(0, 8)}`;
const privateBucket = `${bucket}-private`;
const png = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
	'base64'
);

beforeAll(async () => {
	const created = await service.storage.createBucket(bucket, {
		public: true,
		fileSizeLimit: 1024,
		allowedMimeTypes: ['image/png', 'image/webp']
	});
	expect(created.error).toBeNull();
	expect((await service.storage.createBucket(privateBucket, { public: false })).error).toBeNull();
});

afterAll(async () => {
	for (const id of [bucket, privateBucket]) {
		await service.storage.emptyBucket(id);
		await service.storage.deleteBucket(id);
	}
});

describe('buckets', () => {
	it('reads a bucket with its limits, and lists it among all', async () => {
		const { data, error } = await service.storage.getBucket(bucket);
		expect(error).toBeNull();
		expect(data).toMatchObject({
			id: bucket,
			name: bucket,
			public: true,
			file_size_limit: 1024,
			allowed_mime_types: ['image/png', 'image/webp']
		});
		const list = await service.storage.listBuckets();
		expect(list.data?.map((b) => b.id)).toEqual(expect.arrayContaining([bucket, privateBucket]));
	});

	it('updates a bucket', async () => {
		const updated = await service.storage.updateBucket(privateBucket, {
			public: false,
			fileSizeLimit: '2MB'
		});
		expect(updated.error).toBeNull();
		expect((await service.storage.getBucket(privateBucket)).data?.file_size_limit).toBe(2_000_000);
	});

	it('answers an unknown bucket with 404 NoSuchBucket, and a duplicate with 409', async () => {
		const missing = await service.storage.getBucket(`${bucket}-missing`);
		expect(missing.error).toMatchObject({ statusCode: '404', message: 'Bucket not found' });
		const duplicate = await service.storage.createBucket(bucket);
		expect(duplicate.error).toMatchObject({ statusCode: '409' });
	});

	it('refuses visitors bucket changes: RLS on storage.buckets has no policy for them', async () => {
		const visitor = anonClient();
		const created = await visitor.storage.createBucket(`${bucket}-visitor`);
		expect(created.error).toMatchObject({ statusCode: '403' });
		expect((await visitor.storage.listBuckets()).data).toEqual([]);
	});

	it('keeps a bucket that still holds files', async () => {
		await service.storage.from(privateBucket).upload('kept.png', png, { contentType: 'image/png' });
		const refused = await service.storage.deleteBucket(privateBucket);
		expect(refused.error).toMatchObject({ statusCode: '409' });
	});
});

describe('objects', () => {
	it('uploads, then serves the bytes by public URL and by authenticated download', async () => {
		const upload = await service.storage
			.from(bucket)
			.upload('folder/one.png', png, { contentType: 'image/png', cacheControl: '60' });
		expect(upload.error).toBeNull();
		expect(upload.data).toMatchObject({
			path: 'folder/one.png',
			fullPath: `${bucket}/folder/one.png`
		});

		const url = service.storage.from(bucket).getPublicUrl('folder/one.png').data.publicUrl;
		const response = await fetch(url);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('image/png');
		expect(response.headers.get('cache-control')).toBe('max-age=60');
		expect(Buffer.from(await response.arrayBuffer())).toEqual(png);

		const download = await service.storage.from(bucket).download('folder/one.png');
		expect(Buffer.from(await (download.data as Blob).arrayBuffer())).toEqual(png);
	});

	it('takes a Blob as supabase-js sends it from a browser (multipart)', async () => {
		const blob = new Blob([png], { type: 'image/png' });
		const upload = await service.storage.from(bucket).upload('folder/blob.png', blob);
		expect(upload.error).toBeNull();
		const info = await fetch(
			service.storage.from(bucket).getPublicUrl('folder/blob.png').data.publicUrl
		);
		expect(info.headers.get('content-type')).toBe('image/png');
	});

	it('refuses a second upload to the same key unless upsert is asked, and replaces with update', async () => {
		const again = await service.storage
			.from(bucket)
			.upload('folder/one.png', png, { contentType: 'image/png' });
		expect(again.error).toMatchObject({ statusCode: '409' });
		const upsert = await service.storage
			.from(bucket)
			.upload('folder/one.png', png, { contentType: 'image/png', upsert: true });
		expect(upsert.error).toBeNull();
		const update = await service.storage
			.from(bucket)
			.update('folder/one.png', png, { contentType: 'image/webp' });
		expect(update.error).toBeNull();
		const missing = await service.storage
			.from(bucket)
			.update('folder/none.png', png, { contentType: 'image/png' });
		expect(missing.error).toMatchObject({ statusCode: '404' });
	});

	it("refuses a type or a size the bucket does not take, with Supabase's 415 and 413", async () => {
		const gif = await service.storage
			.from(bucket)
			.upload('folder/x.gif', png, { contentType: 'image/gif' });
		expect(gif.error).toMatchObject({
			statusCode: '415',
			message: 'mime type image/gif is not supported'
		});
		const large = await service.storage
			.from(bucket)
			.upload('folder/large.png', Buffer.alloc(2048), { contentType: 'image/png' });
		expect(large.error).toMatchObject({
			statusCode: '413',
			message: 'The object exceeded the maximum allowed size'
		});
		expect(large.error?.status).toBe(400);
	});

	it('answers an unknown object with 404 on every route', async () => {
		const response = await fetch(
			service.storage.from(bucket).getPublicUrl('folder/none.png').data.publicUrl
		);
		expect(response.status).toBe(400);
		expect(await response.json()).toMatchObject({ statusCode: '404', error: 'not_found' });
		const download = await service.storage.from(bucket).download('folder/none.png');
		expect(download.error).not.toBeNull();
	});

	it('serves no public URL of a private bucket, but downloads for the service role', async () => {
		await service.storage
			.from(privateBucket)
			.upload('secret.png', png, { contentType: 'image/png' });
		const response = await fetch(
			service.storage.from(privateBucket).getPublicUrl('secret.png').data.publicUrl
		);
		expect(await response.json()).toMatchObject({ statusCode: '404', message: 'Bucket not found' });
		expect((await service.storage.from(privateBucket).download('secret.png')).error).toBeNull();
		const visitor = anonClient();
		expect((await visitor.storage.from(privateBucket).download('secret.png')).error).not.toBeNull();
	});

	it('lists a folder: files with their metadata, subfolders by name', async () => {
		await service.storage
			.from(bucket)
			.upload('folder/deeper/two.png', png, { contentType: 'image/png' });
		const { data, error } = await service.storage.from(bucket).list('folder');
		expect(error).toBeNull();
		const names = data?.map((entry) => entry.name);
		expect(names).toEqual(['deeper', 'blob.png', 'one.png']);
		expect(data?.find((entry) => entry.name === 'one.png')?.metadata).toMatchObject({
			size: png.length
		});
		expect(data?.find((entry) => entry.name === 'deeper')?.id).toBeNull();
	});

	it('moves and copies objects', async () => {
		const copy = await service.storage.from(bucket).copy('folder/one.png', 'copies/one.png');
		expect(copy.error).toBeNull();
		const move = await service.storage.from(bucket).move('copies/one.png', 'moved/one.png');
		expect(move.error).toBeNull();
		const moved = await fetch(
			service.storage.from(bucket).getPublicUrl('moved/one.png').data.publicUrl
		);
		expect(moved.status).toBe(200);
		const gone = await fetch(
			service.storage.from(bucket).getPublicUrl('copies/one.png').data.publicUrl
		);
		expect(gone.status).toBe(400);
	});

	it('removes objects and answers with the ones it removed', async () => {
		const { data, error } = await service.storage
			.from(bucket)
			.remove(['moved/one.png', 'moved/none.png']);
		expect(error).toBeNull();
		expect(data?.map((object) => object.name)).toEqual(['moved/one.png']);
	});

	it('refuses keys that are not valid storage keys', async () => {
		const { error } = await service.storage
			.from(bucket)
			.upload('folder/bad{key}.png', png, { contentType: 'image/png' });
		expect(error).toMatchObject({ statusCode: '400', message: 'Invalid key: folder/bad{key}.png' });
	});

	it('refuses a forged token', async () => {
		const response = await fetch(
			`${service.storage.from(bucket).getPublicUrl('x').data.publicUrl.replace('/public/', '/')}`,
			{
				headers: { authorization: 'Bearer not.a.token' }
			}
		);
		expect(response.status).toBe(400);
		expect(await response.json()).toMatchObject({ statusCode: '403', code: 'AccessDenied' });
	});
});
