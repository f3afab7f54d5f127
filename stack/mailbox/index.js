// @ts-check
// Local mailbox: an SMTP server that keeps every message (memory + JSON files) and an HTTP server with a
// Dutch inbox page and a Mailpit-style JSON API, so that no mail ever leaves the machine.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

// mailparser (with its character-set tables) takes longer to load than the rest of the stack's start:
// loaded once, when the first message arrives.
/** @type {Promise<typeof import('mailparser')> | undefined} */
let mailparser;
const loadMailparser = () => (mailparser ??= import('mailparser'));

/**
 * @typedef {{ Name: string, Address: string }} Address
 * @typedef {object} StoredMessage
 * @property {string} ID
 * @property {string} MessageID
 * @property {Address} From
 * @property {Address[]} To
 * @property {Address[]} Cc
 * @property {Address[]} Bcc
 * @property {Address[]} ReplyTo
 * @property {string} Subject
 * @property {string} Created
 * @property {number} Size
 * @property {boolean} Read
 * @property {string} Text
 * @property {string} HTML
 * @property {Record<string, string[]>} [Headers] every header as sent, unfolded (Mailpit's headers API)
 */

/** @param {any} field @returns {Address[]} */
function addresses(field) {
	if (!field) return [];
	const list = Array.isArray(field) ? field : [field];
	return list
		.flatMap((/** @type {any} */ a) => a.value ?? [])
		.map((/** @type {any} */ v) => ({ Name: v.name ?? '', Address: v.address ?? '' }));
}

/**
 * Header lines as Mailpit's headers API gives them: name → values, continuation lines unfolded.
 * @param {{ key: string, line: string }[]} lines
 */
function headerMap(lines) {
	/** @type {Record<string, string[]>} */
	const map = {};
	for (const { line } of lines) {
		const colon = line.indexOf(':');
		if (colon < 1) continue;
		const name = line.slice(0, colon).trim();
		(map[name] ??= []).push(
			line
				.slice(colon + 1)
				.replace(/\r?\n[ \t]+/g, ' ')
				.trim()
		);
	}
	return map;
}

/** @param {StoredMessage} m */
function summary(m) {
	const snippet = m.Text.replace(/\s+/g, ' ').trim().slice(0, 250);
	const { Text: _text, HTML: _html, Headers: _headers, ...rest } = m;
	return { ...rest, Snippet: snippet, Tags: [], Attachments: 0 };
}

/**
 * Mailpit-like search: `to:`, `from:`, `subject:` terms, other words match anywhere.
 * @param {StoredMessage} m @param {string} query
 */
export function matches(m, query) {
	const terms = query.match(/(?:[a-z]+:)?(?:"[^"]*"|\S+)/gi) ?? [];
	return terms.every((term) => {
		const [, field, raw] = /^(?:([a-z]+):)?(.*)$/i.exec(term) ?? [];
		const value = raw.replace(/^"|"$/g, '').toLowerCase();
		const hay = (/** @type {string[]} */ ...xs) => xs.join(' ').toLowerCase().includes(value);
		switch (field?.toLowerCase()) {
			case 'to':
				return hay(...m.To.map((a) => `${a.Name} ${a.Address}`), ...m.Cc.map((a) => a.Address));
			case 'from':
				return hay(m.From.Name, m.From.Address);
			case 'subject':
				return hay(m.Subject);
			default:
				return hay(m.Subject, m.Text, m.From.Address, ...m.To.map((a) => a.Address));
		}
	});
}

/** @param {string} s */
const esc = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** @param {StoredMessage[]} list */
function page(list) {
	const items = list
		.map((m) => {
			const links = [...new Set(m.Text.match(/https?:\/\/[^\s<>"')]+/g) ?? [])];
			return `<article>
<h2>${esc(m.Subject || '(geen onderwerp)')}</h2>
<p class="meta">Van <b>${esc(m.From.Address)}</b> aan <b>${esc(m.To.map((a) => a.Address).join(', '))}</b>
 · <time datetime="${esc(m.Created)}">${esc(new Date(m.Created).toLocaleString('nl-BE'))}</time></p>
${links.length ? `<ul class="links">${links.map((l) => `<li><a href="${esc(l)}">${esc(l)}</a></li>`).join('')}</ul>` : ''}
<details><summary>Volledige tekst</summary><pre>${esc(m.Text)}</pre></details>
</article>`;
		})
		.join('\n');
	return `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Lokale mailbox</title>
<style>
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
article{border:1px solid #ccc;border-radius:.5rem;padding:1rem;margin:1rem 0}
h2{margin:.2rem 0;font-size:1.15rem}.meta{color:#555;margin:.2rem 0}
pre{white-space:pre-wrap;background:#f6f6f6;padding:.75rem;border-radius:.25rem}
a{color:#0645ad;word-break:break-all}button{font:inherit}
</style></head>
<body>
<h1>Lokale mailbox</h1>
<p>Hier komt alle mail terecht die de lokale omgeving verstuurt. Niets verlaat deze computer.
${list.length} ${list.length === 1 ? 'bericht' : 'berichten'}, nieuwste eerst.</p>
<form method="post" action="/leegmaken"><button type="submit">Alle berichten verwijderen</button></form>
<main>${items || '<p>Nog geen berichten.</p>'}</main>
</body></html>`;
}

/**
 * @param {{ smtpPort: number, httpPort: number, host?: string, dir: string }} options
 * @returns {Promise<{ close: () => Promise<void>, messages: () => StoredMessage[] }>}
 */
export async function startMailbox({ smtpPort, httpPort, host = '127.0.0.1', dir }) {
	await fs.mkdir(dir, { recursive: true });
	/** @type {StoredMessage[]} */
	let messages = [];
	for (const file of await fs.readdir(dir)) {
		if (!file.endsWith('.json')) continue;
		try {
			messages.push(JSON.parse(await fs.readFile(path.join(dir, file), 'utf8')));
		} catch {
			/* a half-written file from a crash is skipped */
		}
	}
	const newestFirst = () => messages.sort((a, b) => b.Created.localeCompare(a.Created));
	newestFirst();

	const smtp = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		size: 10 * 1024 * 1024,
		onData(stream, _session, callback) {
			/** @type {Buffer[]} */
			const chunks = [];
			stream.on('data', (c) => chunks.push(c));
			stream.on('end', async () => {
				try {
					const raw = Buffer.concat(chunks);
					const { simpleParser } = await loadMailparser();
					const parsed = await simpleParser(raw);
					/** @type {StoredMessage} */
					const msg = {
						ID: crypto.randomUUID(),
						MessageID: (parsed.messageId ?? '').replace(/^<|>$/g, ''),
						From: addresses(parsed.from)[0] ?? { Name: '', Address: '' },
						To: addresses(parsed.to),
						Cc: addresses(parsed.cc),
						Bcc: addresses(parsed.bcc),
						ReplyTo: addresses(parsed.replyTo),
						Subject: parsed.subject ?? '',
						Created: new Date().toISOString(),
						Size: raw.length,
						Read: false,
						Text: parsed.text ?? '',
						HTML: typeof parsed.html === 'string' ? parsed.html : '',
						Headers: headerMap(parsed.headerLines ?? [])
					};
					messages.unshift(msg);
					await fs.writeFile(path.join(dir, `${msg.ID}.json`), JSON.stringify(msg, null, '\t'));
					callback();
				} catch (e) {
					callback(/** @type {Error} */ (e));
				}
			});
		}
	});

	/** @param {import('node:http').ServerResponse} res @param {number} status @param {unknown} body */
	const json = (res, status, body) => {
		const text = JSON.stringify(body);
		res.writeHead(status, {
			'content-type': 'application/json',
			'access-control-allow-origin': '*'
		});
		res.end(text);
	};

	async function deleteAll() {
		const ids = messages.map((m) => m.ID);
		messages = [];
		await Promise.all(ids.map((id) => fs.rm(path.join(dir, `${id}.json`), { force: true })));
	}

	const web = http.createServer(async (req, res) => {
		try {
			const url = new URL(req.url ?? '/', 'http://mailbox.local');
			const p = url.pathname;
			if (req.method === 'GET' && (p === '/api/v1/messages' || p === '/api/v1/search')) {
				const query = url.searchParams.get('query') ?? '';
				const start = Number(url.searchParams.get('start') ?? 0);
				const limit = Number(url.searchParams.get('limit') ?? 50);
				const found = query ? messages.filter((m) => matches(m, query)) : messages;
				return json(res, 200, {
					total: messages.length,
					unread: messages.filter((m) => !m.Read).length,
					count: Math.min(limit, Math.max(found.length - start, 0)),
					messages_count: found.length,
					start,
					tags: [],
					messages: found.slice(start, start + limit).map(summary)
				});
			}
			const headers = /^\/api\/v1\/message\/([^/]+)\/headers$/.exec(p);
			if (req.method === 'GET' && headers) {
				const m = messages.find((x) => x.ID === headers[1]);
				if (!m) return json(res, 404, { error: 'message not found' });
				return json(res, 200, m.Headers ?? {});
			}
			const one = /^\/api\/v1\/message\/([^/]+)$/.exec(p);
			if (req.method === 'GET' && one) {
				const m = one[1] === 'latest' ? messages[0] : messages.find((x) => x.ID === one[1]);
				if (!m) return json(res, 404, { error: 'message not found' });
				m.Read = true;
				return json(res, 200, {
					...m,
					Date: m.Created,
					ReturnPath: m.From.Address,
					Attachments: [],
					Inline: [],
					Tags: []
				});
			}
			if (req.method === 'DELETE' && (p === '/api/v1/messages' || p === '/api/v1/search')) {
				await deleteAll();
				return json(res, 200, {});
			}
			if (req.method === 'POST' && p === '/leegmaken') {
				await deleteAll();
				res.writeHead(303, { location: '/' });
				return res.end();
			}
			if (req.method === 'GET' && p === '/') {
				res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
				return res.end(page(messages));
			}
			json(res, 404, { error: 'not found' });
		} catch (e) {
			json(res, 500, { error: String(e) });
		}
	});

	await new Promise((resolve, reject) => {
		smtp.once('error', reject);
		smtp.listen(smtpPort, host, () => resolve(undefined));
	});
	await new Promise((resolve, reject) => {
		web.once('error', reject);
		web.listen(httpPort, host, () => resolve(undefined));
	});

	return {
		messages: () => [...messages],
		async close() {
			await new Promise((r) => smtp.close(() => r(undefined)));
			await new Promise((r) => web.close(() => r(undefined)));
		}
	};
}
