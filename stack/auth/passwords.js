// @ts-check
// Password hashing exactly as GoTrue stores it: bcrypt, cost 10, "$2a$" prefix.
import crypto from 'node:crypto';
import bcrypt from 'bcryptjs';
import { AuthError, badRequest } from './errors.js';

const MAX_PASSWORD_LENGTH = 72; // bcrypt ignores anything beyond 72 bytes; GoTrue refuses it

/** @param {string} password */
export async function hashPassword(password) {
	// bcryptjs writes "$2b$"; for passwords of at most 72 bytes 2a and 2b hash identically, and GoTrue
	// (Go's x/crypto/bcrypt) writes and expects "$2a$".
	const hash = await bcrypt.hash(password, 10);
	return hash.replace(/^\$2b\$/, '$2a$');
}

/** @param {string} password @param {string | null | undefined} hash */
export async function verifyPassword(password, hash) {
	if (!hash) return false;
	try {
		return await bcrypt.compare(password, hash);
	} catch {
		return false;
	}
}

/** @type {Promise<string> | undefined} */
let dummyHash;

/**
 * Whether the password is the user's. When there is no user, or the user has no password, it is
 * compared against a dummy hash of the same cost and refused: an unknown address must take as long to
 * answer as a wrong password, or the answer time tells which addresses have an account.
 * @param {{ encrypted_password?: string | null } | null | undefined} user
 * @param {string} password
 * @param {(password: string, hash: string) => Promise<boolean>} [verify]
 */
export async function passwordMatches(user, password, verify = verifyPassword) {
	const own = user?.encrypted_password;
	dummyHash ??= hashPassword(crypto.randomUUID());
	const matches = await verify(password, own || (await dummyHash));
	return Boolean(own) && matches;
}

/**
 * Throws weak_password (422) or validation_failed like GoTrue's strength check.
 * @param {string} password @param {number} minLength
 */
export function checkPasswordStrength(password, minLength) {
	if (Buffer.byteLength(password) > MAX_PASSWORD_LENGTH) {
		throw badRequest(
			'validation_failed',
			`Password cannot be longer than ${MAX_PASSWORD_LENGTH} characters`
		);
	}
	if (password.length < minLength) {
		throw new AuthError(
			422,
			'weak_password',
			`Password should be at least ${minLength} characters.`,
			{
				weak_password: { reasons: ['length'] }
			}
		);
	}
}
