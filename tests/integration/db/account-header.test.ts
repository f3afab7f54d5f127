// The header of every signed-in page in one call (account_header, security invoker): a person gets their
// own name, staff flag and unread count, never anyone else's (another person's notifications do not count,
// read ones do not count); network staff is said only for staff; an anonymous caller may not call it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousClient, testPeople, type Person } from './people.js';

const people = testPeople('kop');
let reader: Person;
let other: Person;
let staff: Person;

type Header = { display_name: string | null; staff: boolean; unread: number };

async function header(person: Person): Promise<Header> {
	const { data, error } = await person.client.rpc('account_header');
	if (error) throw error;
	return data as Header;
}

async function notify(person: Person, read: boolean) {
	await people.query(
		`insert into public.notifications (user_id, kind, title, link, read_at)
		 values ($1, 'agreement_message', 'Melding', '/afspraken', case when $2 then now() end)`,
		[person.id, read]
	);
}

beforeAll(async () => {
	[reader, other, staff] = await Promise.all([
		people.signUp('lezer'),
		people.signUp('ander'),
		people.signUp('staf')
	]);
	await people.makeNetworkStaff(staff);
	await people.query(`update public.profiles set display_name = 'Lien Lezer' where id = $1`, [
		reader.id
	]);
	await people.query(`update public.profiles set display_name = 'Arne Ander' where id = $1`, [
		other.id
	]);
	await notify(reader, false);
	await notify(reader, false);
	await notify(reader, true);
	for (let i = 0; i < 5; i++) await notify(other, false);
});

afterAll(() => people.remove());

describe('account_header', () => {
	it("gives a person their own name and their own unread count, not anyone else's", async () => {
		expect(await header(reader)).toEqual({ display_name: 'Lien Lezer', staff: false, unread: 2 });
		expect(await header(other)).toEqual({ display_name: 'Arne Ander', staff: false, unread: 5 });
	});

	it('says staff only for network staff', async () => {
		expect((await header(staff)).staff).toBe(true);
		expect((await header(reader)).staff).toBe(false);
	});

	it('follows reading: a notification marked read no longer counts', async () => {
		await people.query(
			`update public.notifications set read_at = now()
			 where id = (select min(id) from public.notifications where user_id = $1 and read_at is null)`,
			[reader.id]
		);
		expect((await header(reader)).unread).toBe(1);
		expect((await header(other)).unread).toBe(5);
	});

	it('refuses an anonymous caller', async () => {
		const { data, error } = await anonymousClient().rpc('account_header');
		expect(error).not.toBeNull();
		expect(data).toBeNull();
	});
});
