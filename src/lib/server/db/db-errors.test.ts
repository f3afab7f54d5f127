import type { PostgrestError } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages';
import { DbFieldError, constraintName, errorCode, fieldErrorFor, raiseDbError } from './db-errors';

const error = (fields: Partial<PostgrestError>): PostgrestError =>
	({
		code: '',
		message: '',
		details: '',
		hint: '',
		name: 'PostgrestError',
		...fields
	}) as PostgrestError;

const takenSlug = error({
	code: '23505',
	message: 'duplicate key value violates unique constraint "organisations_slug_key"',
	details: 'Key (slug)=(x) already exists.'
});
const lastOwner = error({
	code: 'P0001',
	message: 'Een organisatie heeft altijd minstens één eigenaar. Maak eerst iemand anders eigenaar.',
	hint: 'memberships_keep_an_owner'
});
const rlsDenied = error({
	code: '42501',
	message: 'new row violates row-level security policy for table "offers"'
});

describe('database errors by their code', () => {
	it('reads the constraint name from a PostgREST error', () => {
		expect(constraintName(takenSlug)).toBe('organisations_slug_key');
		expect(constraintName({ message: 'iets anders', details: null as unknown as string })).toBe(
			null
		);
	});

	it("takes the rule in the hint, else the constraint's name, else the SQLSTATE", () => {
		expect(errorCode(lastOwner)).toBe('memberships_keep_an_owner');
		expect(errorCode(takenSlug)).toBe('organisations_slug_key');
		expect(errorCode(rlsDenied)).toBe('42501');
	});

	it('maps a code to its field and message, whatever the wording of the database', () => {
		expect(fieldErrorFor(takenSlug)).toEqual({ field: 'slug', message: m.app_error_slug_taken() });
		expect(fieldErrorFor({ ...lastOwner, message: 'reworded in the database' })).toEqual({
			field: 'form',
			message: m.dberr_memberships_keep_an_owner()
		});
		expect(
			fieldErrorFor(
				error({
					code: '23514',
					message: 'De titel is te lang.',
					hint: 'offers_title_length'
				})
			)
		).toEqual({ field: 'title', message: m.app_error_title_length({ min: 3, max: 140 }) });
	});

	it("uses an area's own words for a code before the table's", () => {
		const overrides = { '42501': { field: 'form', message: m.app_forbidden_not_member } };
		expect(fieldErrorFor(rlsDenied, overrides)).toEqual({
			field: 'form',
			message: m.app_forbidden_not_member()
		});
		expect(fieldErrorFor(rlsDenied)).toBe(null);
	});

	it('throws a DbFieldError for a known code and lets unknown errors through', () => {
		expect(() => raiseDbError(lastOwner)).toThrow(DbFieldError);
		const unknown = error({ code: '08006', message: 'connection failure' });
		expect(() => raiseDbError(unknown)).toThrow('connection failure');
		const unmapped = error({ code: '23514', hint: 'a_rule_nobody_knows' });
		expect(() => raiseDbError(unmapped)).toThrow(
			expect.objectContaining({ name: 'PostgrestError' })
		);
	});
});
