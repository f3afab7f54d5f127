import { describe, expect, it } from 'vitest';
import { restBase } from './supabase';

describe('restBase', () => {
	it('sends PostgREST calls to the configured address, with one slash before the path', () => {
		expect(restBase('http://127.0.0.1:54330', 'http://127.0.0.1:54321')).toBe(
			'http://127.0.0.1:54330/'
		);
		expect(restBase('http://postgrest:3000//', 'https://x.supabase.co')).toBe(
			'http://postgrest:3000/'
		);
	});

	it("falls back to the gateway's /rest/v1 when none is set (a hosted project)", () => {
		expect(restBase(undefined, 'https://x.supabase.co')).toBe('https://x.supabase.co/rest/v1/');
		expect(restBase('', 'https://x.supabase.co')).toBe('https://x.supabase.co/rest/v1/');
	});
});
