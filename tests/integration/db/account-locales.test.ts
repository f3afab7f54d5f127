// Each person's mail language (account_locales): set at registration from the sign-up's language, changed
// by the person alone; nobody else reads or writes it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousClient, testPeople, type Person } from './people.js';
import {
	expectDeleteRefused,
	expectHidden,
	expectInsertRefused,
	expectUpdateRefused
} from './rls.js';

const people = testPeople('taal');
let english: Person;
let dutch: Person;
let stranger: Person;

beforeAll(async () => {
	[english, dutch, stranger] = await Promise.all([
		people.signUp('engels', { display_name: 'Emma English', locale: 'en' }),
		people.signUp('nederlands', { display_name: 'Nele Nederlands', locale: 'nl' }),
		people.signUp('vreemde')
	]);
});

afterAll(() => people.remove());

describe('account_locales', () => {
	it('starts in the language the person registered in; Dutch needs no row', async () => {
		const own = await english.client.from('account_locales').select('user_id, locale');
		expect(own.data).toEqual([{ user_id: english.id, locale: 'en' }]);
		const none = await dutch.client.from('account_locales').select('locale');
		expect(none.data).toEqual([]);
	});

	it('lets a person set and change their own language', async () => {
		const set = await dutch.client
			.from('account_locales')
			.upsert({ user_id: dutch.id, locale: 'en' }, { onConflict: 'user_id' })
			.select('locale');
		expect(set.error).toBeNull();
		const back = await dutch.client
			.from('account_locales')
			.update({ locale: 'nl' })
			.eq('user_id', dutch.id)
			.select('locale');
		expect(back.data).toEqual([{ locale: 'nl' }]);
	});

	it('refuses a language the app does not speak', async () => {
		const where = { user_id: english.id };
		await expectUpdateRefused(english.client, 'account_locales', where, { locale: 'fr' }, '23514');
	});

	it("hides a person's language from others and lets nobody else write it", async () => {
		const where = { user_id: english.id };
		await expectHidden(stranger.client, 'account_locales', where);
		await expectHidden(anonymousClient(), 'account_locales', where, '42501');
		await expectUpdateRefused(
			stranger.client,
			'account_locales',
			where,
			{ locale: 'nl' },
			'no rows'
		);
		await expectUpdateRefused(anonymousClient(), 'account_locales', where, { locale: 'nl' });
		await expectInsertRefused(
			stranger.client,
			'account_locales',
			{ user_id: dutch.id, locale: 'en' },
			{ user_id: dutch.id }
		);
		// Removing is not how one switches back: the row stays (a delete is refused, also for oneself).
		await expectDeleteRefused(english.client, 'account_locales', where);
	});
});
