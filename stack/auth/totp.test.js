// @ts-check
// TOTP against RFC 6238's test vectors (SHA-1, the 20-byte ASCII key), base32 and the QR code's SVG.
import { describe, expect, it } from 'vitest';
import {
	base32Decode,
	base32Encode,
	generateSecret,
	hotp,
	otpauthUri,
	qrSvg,
	totp,
	verifyTotp
} from './totp.js';

const KEY = base32Encode(Buffer.from('12345678901234567890'));

describe('totp', () => {
	it('matches RFC 6238 (last six digits of the SHA-1 vectors)', () => {
		expect(totp(KEY, 59_000)).toBe('287082');
		expect(totp(KEY, 1_111_111_109_000)).toBe('081804');
		expect(totp(KEY, 1_234_567_890_000)).toBe('005924');
		expect(totp(KEY, 2_000_000_000_000)).toBe('279037');
		expect(hotp(KEY, 0)).toBe('755224'); // RFC 4226
	});

	it('accepts one 30-second step either way and nothing further', () => {
		const now = 1_234_567_890_000;
		expect(verifyTotp(totp(KEY, now), KEY, now)).toBe(true);
		expect(verifyTotp(totp(KEY, now - 30_000), KEY, now)).toBe(true);
		expect(verifyTotp(totp(KEY, now + 30_000), KEY, now)).toBe(true);
		expect(verifyTotp(totp(KEY, now - 60_000), KEY, now)).toBe(false);
		expect(verifyTotp('12345', KEY, now)).toBe(false);
		expect(verifyTotp('12345a', KEY, now)).toBe(false);
	});

	it('base32 round-trips and secrets are 20 random bytes', () => {
		const secret = generateSecret();
		expect(secret).toMatch(/^[A-Z2-7]{32}$/);
		expect(base32Encode(base32Decode(secret))).toBe(secret);
		expect(generateSecret()).not.toBe(secret);
	});

	it('writes the otpauth URI and an SVG QR code', () => {
		const uri = otpauthUri({ issuer: 'Groeistoot', account: 'a@b.test', secret: KEY });
		expect(uri).toBe(
			`otpauth://totp/Groeistoot:a%40b.test?algorithm=SHA1&digits=6&issuer=Groeistoot&period=30&secret=${KEY}`
		);
		const svg = qrSvg(uri);
		expect(svg).toMatch(/^<\?xml version="1.0"\?>\n<svg /);
		expect(svg).not.toContain('#');
	});
});
