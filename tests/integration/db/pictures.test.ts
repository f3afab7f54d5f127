// Pictures in Storage: anyone reads the organisation-logos and activity-photos buckets; an organisation's
// owners and admins write its logo files, its members its activities' photos, each only under the
// organisation's own folder; nobody else writes there. The rows keep a path under their own folder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { anonClient } from '../support/supabase.js';
import { serviceRole, testPeople, type Cast, type Who } from './people.js';

const people = testPeople('pictures');
let cast: Cast;
let academyA: { id: string };
let academyB: { id: string };
let activityA: { id: string };
let runKey = 0;

const webp = Buffer.from('UklGRiQAAABXRUJQVlA4IBgAAAAwAQCdASoBAAEAAwA0JaQAA3AA/vuUAAA=', 'base64');

function upload(client: SupabaseClient, bucket: string, key: string) {
	return client.storage.from(bucket).upload(key, webp, { contentType: 'image/webp' });
}

const fresh = (folder: string) => `${folder}/test-${++runKey}-128.webp`;

async function storedKeys(bucket: string, prefix: string) {
	const rows = await people.query<{ name: string }>(
		'select name from storage.objects where bucket_id = $1 and name like $2 order by name',
		[bucket, `${prefix}%`]
	);
	return rows.map((row) => row.name);
}

beforeAll(async () => {
	cast = await people.cast();
	academyA = await people.organisation(
		[
			[cast.owner, 'owner'],
			[cast.admin, 'admin'],
			[cast.member, 'member']
		],
		{ kind: 'academy' }
	);
	academyB = await people.organisation([[cast.stranger, 'admin']], { kind: 'academy' });
	activityA = await people.activity(academyA.id);
});

afterAll(async () => {
	for (const bucket of ['organisation-logos', 'activity-photos']) {
		const keys = [
			...(await storedKeys(bucket, `${academyA.id}/`)),
			...(await storedKeys(bucket, `${academyB.id}/`))
		];
		if (keys.length > 0) await serviceRole.storage.from(bucket).remove(keys);
	}
	await people.remove();
});

describe('organisation logos', () => {
	const writers: Who[] = ['an owner', 'an admin'];
	const refused: Who[] = ['anonymous', 'a signed-in stranger', 'a member', 'network staff'];

	it.each(writers)("%s uploads into the organisation's folder", async (who) => {
		const key = fresh(academyA.id);
		const { error } = await upload(cast.clients[who], 'organisation-logos', key);
		expect(error).toBeNull();
		expect(await storedKeys('organisation-logos', key)).toEqual([key]);
	});

	it.each(refused)("%s cannot upload into the organisation's folder", async (who) => {
		const key = fresh(academyA.id);
		const { error } = await upload(cast.clients[who], 'organisation-logos', key);
		expect(error).toMatchObject({ statusCode: '403' });
		expect(await storedKeys('organisation-logos', key)).toEqual([]);
	});

	it("an admin of A cannot upload into B's folder, nor outside any organisation's folder", async () => {
		for (const key of [fresh(academyB.id), 'loose-128.webp', fresh('not-an-organisation')]) {
			const { error } = await upload(cast.admin.client, 'organisation-logos', key);
			expect(error, key).toMatchObject({ statusCode: '403' });
			expect(await storedKeys('organisation-logos', key)).toEqual([]);
		}
	});

	it('anyone reads a logo by its public URL and lists the folder', async () => {
		const key = fresh(academyA.id);
		await upload(cast.admin.client, 'organisation-logos', key);
		const visitor = anonClient();
		const response = await fetch(
			visitor.storage.from('organisation-logos').getPublicUrl(key).data.publicUrl
		);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('image/webp');
		const listed = await visitor.storage.from('organisation-logos').list(academyA.id);
		expect(listed.data?.map((entry) => entry.name)).toContain(key.split('/')[1]);
	});

	it('an admin replaces and removes a logo; a member cannot do either', async () => {
		const key = fresh(academyA.id);
		await upload(cast.admin.client, 'organisation-logos', key);

		const memberUpsert = await cast.member.client.storage
			.from('organisation-logos')
			.upload(key, webp, { contentType: 'image/webp', upsert: true });
		expect(memberUpsert.error).toMatchObject({ statusCode: '403' });
		const memberRemove = await cast.member.client.storage.from('organisation-logos').remove([key]);
		expect(memberRemove.data).toEqual([]);
		expect(await storedKeys('organisation-logos', key)).toEqual([key]);

		const replaced = await cast.admin.client.storage
			.from('organisation-logos')
			.upload(key, webp, { contentType: 'image/webp', upsert: true });
		expect(replaced.error).toBeNull();
		const removed = await cast.admin.client.storage.from('organisation-logos').remove([key]);
		expect(removed.data?.map((object) => object.name)).toEqual([key]);
		expect(await storedKeys('organisation-logos', key)).toEqual([]);
	});

	it('refuses a type or size the bucket does not take, whoever asks', async () => {
		const gif = await cast.admin.client.storage
			.from('organisation-logos')
			.upload(fresh(academyA.id), webp, { contentType: 'image/gif' });
		expect(gif.error).toMatchObject({ statusCode: '415' });
		const large = await cast.admin.client.storage
			.from('organisation-logos')
			.upload(fresh(academyA.id), Buffer.alloc(5 * 1024 * 1024 + 1), { contentType: 'image/png' });
		expect(large.error).toMatchObject({ statusCode: '413' });
	});

	it("keeps logo_path under the organisation's own folder", async () => {
		const own = await cast.admin.client
			.from('organisations')
			.update({ logo_path: `${academyA.id}/logo-1` })
			.eq('id', academyA.id)
			.select('logo_path');
		expect(own.error).toBeNull();
		expect(own.data).toEqual([{ logo_path: `${academyA.id}/logo-1` }]);
		const foreign = await cast.admin.client
			.from('organisations')
			.update({ logo_path: `${academyB.id}/logo-1` })
			.eq('id', academyA.id);
		expect(foreign.error?.code).toBe('23514');
	});
});

describe('activity photos', () => {
	const writers: Who[] = ['an owner', 'an admin', 'a member'];
	const refused: Who[] = ['anonymous', 'a signed-in stranger', 'network staff'];
	const folder = () => `${academyA.id}/${activityA.id}`;

	it.each(writers)("%s uploads a photo into the academy's folder", async (who) => {
		const key = fresh(folder());
		const { error } = await upload(cast.clients[who], 'activity-photos', key);
		expect(error).toBeNull();
		expect(await storedKeys('activity-photos', key)).toEqual([key]);
	});

	it.each(refused)("%s cannot upload a photo into the academy's folder", async (who) => {
		const key = fresh(folder());
		const { error } = await upload(cast.clients[who], 'activity-photos', key);
		expect(error).toMatchObject({ statusCode: '403' });
		expect(await storedKeys('activity-photos', key)).toEqual([]);
	});

	it("a member of A cannot upload under B's folder, and a stranger cannot remove A's photo", async () => {
		const key = fresh(`${academyB.id}/${activityA.id}`);
		const { error } = await upload(cast.member.client, 'activity-photos', key);
		expect(error).toMatchObject({ statusCode: '403' });

		const photo = fresh(folder());
		await upload(cast.member.client, 'activity-photos', photo);
		const removed = await cast.stranger.client.storage.from('activity-photos').remove([photo]);
		expect(removed.data).toEqual([]);
		expect(await storedKeys('activity-photos', photo)).toEqual([photo]);
	});

	it("keeps photo_path under the activity's own folder, and photo_alt short", async () => {
		const own = await cast.member.client
			.from('activities')
			.update({ photo_path: `${folder()}/photo-1`, photo_alt: 'Kinderen bouwen een robot' })
			.eq('id', activityA.id)
			.select('photo_path');
		expect(own.error).toBeNull();
		expect(own.data).toEqual([{ photo_path: `${folder()}/photo-1` }]);
		const foreign = await cast.member.client
			.from('activities')
			.update({ photo_path: `${academyB.id}/${activityA.id}/photo-1` })
			.eq('id', activityA.id);
		expect(foreign.error?.code).toBe('23514');
		const long = await cast.member.client
			.from('activities')
			.update({ photo_alt: 'x'.repeat(201) })
			.eq('id', activityA.id);
		expect(long.error?.code).toBe('23514');
	});
});
