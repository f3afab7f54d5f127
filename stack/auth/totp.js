// @ts-check
// Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP) with node:crypto, as GoTrue checks them:
// SHA-1, 6 digits, 30-second steps, and one step of skew either way.
import crypto from 'node:crypto';
import qrcode from 'qrcode-generator';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const TOTP_PERIOD = 30;
export const TOTP_DIGITS = 6;
export const TOTP_SKEW = 1;

/** RFC 4648 base32 without padding (what authenticator apps read from the otpauth URI). @param {Buffer} buf */
export function base32Encode(buf) {
	let bits = 0;
	let value = 0;
	let out = '';
	for (const byte of buf) {
		value = (value << 8) | byte;
		bits += 8;
		while (bits >= 5) {
			out += BASE32[(value >>> (bits - 5)) & 31];
			bits -= 5;
		}
	}
	if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
	return out;
}

/** @param {string} s */
export function base32Decode(s) {
	const clean = s.toUpperCase().replace(/[\s=]/g, '');
	let bits = 0;
	let value = 0;
	/** @type {number[]} */
	const out = [];
	for (const c of clean) {
		const i = BASE32.indexOf(c);
		if (i < 0) throw new Error('invalid base32');
		value = (value << 5) | i;
		bits += 5;
		if (bits >= 8) {
			out.push((value >>> (bits - 8)) & 255);
			bits -= 8;
		}
	}
	return Buffer.from(out);
}

/** A new secret: 20 random bytes, base32 (GoTrue's library uses the same size). */
export function generateSecret() {
	return base32Encode(crypto.randomBytes(20));
}

/** @param {string} secret base32 @param {number} counter */
export function hotp(secret, counter) {
	const msg = Buffer.alloc(8);
	msg.writeBigUInt64BE(BigInt(counter));
	const mac = crypto.createHmac('sha1', base32Decode(secret)).update(msg).digest();
	const offset = (mac[mac.length - 1] ?? 0) & 0xf;
	const code = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** TOTP_DIGITS;
	return String(code).padStart(TOTP_DIGITS, '0');
}

/** The code for a moment. @param {string} secret @param {number} [nowMs] */
export function totp(secret, nowMs = Date.now()) {
	return hotp(secret, Math.floor(nowMs / 1000 / TOTP_PERIOD));
}

/**
 * Whether a code is right for now or one step before or after.
 * @param {string} code @param {string} secret @param {number} [nowMs]
 */
export function verifyTotp(code, secret, nowMs = Date.now()) {
	if (!/^\d{6}$/.test(code)) return false;
	const step = Math.floor(nowMs / 1000 / TOTP_PERIOD);
	let ok = false;
	for (let d = -TOTP_SKEW; d <= TOTP_SKEW; d++) {
		const expected = Buffer.from(hotp(secret, step + d));
		// Compare every candidate so the time taken does not tell which one matched.
		if (crypto.timingSafeEqual(expected, Buffer.from(code))) ok = true;
	}
	return ok;
}

/**
 * The otpauth:// URI authenticator apps read (Key Uri Format), with the parameters GoTrue's library writes.
 * @param {{ issuer: string, account: string, secret: string }} p
 */
export function otpauthUri(p) {
	const label = `${encodeURIComponent(p.issuer)}:${encodeURIComponent(p.account)}`;
	const q = new URLSearchParams({
		algorithm: 'SHA1',
		digits: String(TOTP_DIGITS),
		issuer: p.issuer,
		period: String(TOTP_PERIOD),
		secret: p.secret
	});
	return `otpauth://totp/${label}?${q.toString()}`;
}

/**
 * The QR code of a text as SVG markup (GoTrue answers the markup; supabase-js makes the data URI),
 * error correction level H like GoTrue's, 3 units per module.
 * @param {string} text
 */
export function qrSvg(text) {
	const qr = qrcode(0, 'H');
	qr.addData(text, 'Byte');
	qr.make();
	const n = qr.getModuleCount();
	const unit = 3;
	const size = n * unit;
	let path = '';
	for (let r = 0; r < n; r++) {
		for (let c = 0; c < n; c++) {
			if (qr.isDark(r, c)) path += `M${c * unit} ${r * unit}h${unit}v${unit}h-${unit}z`;
		}
	}
	return (
		`<?xml version="1.0"?>\n<svg width="${size}" height="${size}" viewBox="0 0 ${size} ${size}" xmlns="http://www.w3.org/2000/svg">` +
		`<rect width="${size}" height="${size}" fill="white"/><path d="${path}" fill="black"/></svg>`
	);
}
