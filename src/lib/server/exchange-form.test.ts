import { describe, expect, it } from 'vitest';
import { DbFieldError } from './db/db-errors';
import { formTexts, slotFormValues, submitExchangeForm } from './exchange-form';

const formOf = (entries: Record<string, string>) => {
	const form = new FormData();
	for (const [name, value] of Object.entries(entries)) form.append(name, value);
	return form;
};

describe('formTexts and slotFormValues', () => {
	it('reads each named text field, absent ones as empty', () => {
		expect(formTexts(formOf({ title: 'Labo' }), ['title', 'description'])).toEqual({
			title: 'Labo',
			description: ''
		});
	});

	it('reads as many slot rows as the form showed, and one more for "nog een moment toevoegen"', () => {
		const shown = slotFormValues(formOf({ slotRows: '4', slotDay0: '3', slotStart0: '13:00' }));
		expect(Object.keys(shown)).toHaveLength(12);
		expect(shown).toMatchObject({ slotDay0: '3', slotStart0: '13:00', slotEnd0: '' });
		const more = slotFormValues(formOf({ slotRows: '4', addSlot: '1' }));
		expect(Object.keys(more)).toHaveLength(15);
	});
});

describe('submitExchangeForm', () => {
	const values = { title: 'Labo' };
	const parsed = async () => ({ ok: true as const, changes: { title: 'Labo' } });

	it('saves a form that parses and answers null', async () => {
		const saved: unknown[] = [];
		const outcome = await submitExchangeForm(formOf({}), {
			values,
			parse: parsed,
			save: async (changes) => saved.push(changes)
		});
		expect(outcome).toBeNull();
		expect(saved).toEqual([{ title: 'Labo' }]);
	});

	it('shows one more slot row and saves nothing when asked for it', async () => {
		let saves = 0;
		const outcome = await submitExchangeForm(formOf({ addSlot: '1' }), {
			values,
			extra: { offerId: 'x' },
			parse: parsed,
			save: async () => saves++
		});
		expect(outcome).toEqual({ offerId: 'x', values, moreSlots: true });
		expect(saves).toBe(0);
	});

	it('answers 400 with the values and the messages of a form that does not parse', async () => {
		const outcome = await submitExchangeForm(formOf({}), {
			values,
			parse: async () => ({ ok: false as const, errors: { title: 'Te kort' } }),
			save: async () => {
				throw new Error('not saved');
			}
		});
		expect(outcome).toMatchObject({ status: 400, data: { values, errors: { title: 'Te kort' } } });
	});

	it("puts the database's refusal next to its field, and lets anything else through", async () => {
		const refused = await submitExchangeForm(formOf({}), {
			values,
			extra: { requestId: 'y' },
			parse: parsed,
			save: async () => {
				throw new DbFieldError('people', 'Te weinig mensen');
			}
		});
		expect(refused).toMatchObject({
			status: 400,
			data: { requestId: 'y', values, errors: { people: 'Te weinig mensen' } }
		});
		await expect(
			submitExchangeForm(formOf({}), {
				values,
				parse: parsed,
				save: async () => {
					throw new Error('connection lost');
				}
			})
		).rejects.toThrow('connection lost');
	});
});
