import type { PostgrestError } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import { DbFieldError, constraintName, fieldErrorFor, raiseDbError } from './db-errors';

const rules = [
	{ constraint: 'organisations_slug_key', field: 'slug', text: () => 'Dit webadres is bezet.' },
	{ constraint: 'organisations_postal_code_format', field: 'postalCode', text: () => '4 cijfers.' },
	{ code: 'P0001', message: /eigenaar/, field: 'form' }
] as const;

describe('database errors as field messages', () => {
	it('reads the constraint name from a PostgREST error', () => {
		expect(
			constraintName({
				message: 'duplicate key value violates unique constraint "organisations_slug_key"',
				details: 'Key (slug)=(x) already exists.'
			})
		).toBe('organisations_slug_key');
		expect(constraintName({ message: 'iets anders', details: null as unknown as string })).toBe(
			null
		);
	});

	it('maps a taken slug and a check constraint to their fields', () => {
		expect(
			fieldErrorFor(
				{
					code: '23505',
					message: 'duplicate key value violates unique constraint "organisations_slug_key"',
					details: ''
				},
				rules
			)
		).toEqual({ field: 'slug', message: 'Dit webadres is bezet.' });
		expect(
			fieldErrorFor(
				{
					code: '23514',
					message:
						'new row for relation "organisations" violates check constraint "organisations_postal_code_format"',
					details: ''
				},
				rules
			)
		).toEqual({ field: 'postalCode', message: '4 cijfers.' });
	});

	it("shows a trigger's own Dutch message, and lets unknown errors through", () => {
		const lastOwner = {
			code: 'P0001',
			message: 'Een organisatie heeft altijd minstens één eigenaar.',
			details: '',
			hint: '',
			name: 'PostgrestError'
		} as PostgrestError;
		expect(() => raiseDbError(lastOwner, rules)).toThrow(DbFieldError);
		expect(fieldErrorFor(lastOwner, rules)).toEqual({ field: 'form', message: lastOwner.message });
		const unknown = {
			...lastOwner,
			code: '08006',
			message: 'connection failure'
		} as PostgrestError;
		expect(() => raiseDbError(unknown, rules)).toThrow('connection failure');
	});
});
