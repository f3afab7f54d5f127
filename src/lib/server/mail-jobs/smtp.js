// @ts-check
// How outgoing mail leaves: SMTP settings from the environment (the app's and the scripts'), by default the
// local stack's mailbox, where nothing leaves the machine.
import nodemailer from 'nodemailer';

export const LOCAL_SMTP_HOST = '127.0.0.1';
export const LOCAL_SMTP_PORT = 54325;
const LOCAL_FROM = 'Groeistoot <no-reply@groeistoot.test>';

/** @typedef {{ to: string, subject: string, text: string, html: string, headers?: Record<string, string> }} Mail */
/** @typedef {Record<string, string | undefined>} Env */

/**
 * Nodemailer's transport options.
 * @param {Env} env
 * @param {{ port?: number }} [local] the local mailbox's port when SMTP_PORT is not set
 */
export function smtpOptions(env, local = {}) {
	return {
		host: env.SMTP_HOST || LOCAL_SMTP_HOST,
		port: Number(env.SMTP_PORT || local.port || LOCAL_SMTP_PORT),
		secure: env.SMTP_SECURE === 'true',
		auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASS ?? '' } : undefined,
		// The local mailbox speaks plain SMTP; a real relay negotiates TLS itself.
		ignoreTLS: !env.SMTP_HOST
	};
}

/**
 * A function that sends one mail over SMTP.
 * @param {Env} env
 * @param {{ port?: number }} [local]
 * @returns {{ send: (mail: Mail) => Promise<void>, close: () => void }}
 */
export function createSmtpSender(env, local) {
	const transport = nodemailer.createTransport(smtpOptions(env, local));
	const from = env.SMTP_FROM || LOCAL_FROM;
	return {
		send: async (mail) => {
			await transport.sendMail({ from, ...mail });
		},
		close: () => transport.close()
	};
}
