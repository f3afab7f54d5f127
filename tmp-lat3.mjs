import fs from 'node:fs';
import http from 'node:http';
import { createMeiliClient } from './src/lib/server/search/meili.js';
const cap = JSON.parse(fs.readFileSync('/tmp/cap.jsonl', 'utf8').trim().split('\n').at(-1));
const body = JSON.parse(cap.body);
const client = createMeiliClient({ url: 'http://127.0.0.1:61700', key: cap.auth.slice(7), timeoutMs: 3000, keepAlive: true });
const agent = new http.Agent({ keepAlive: true });
const raw = () => new Promise((res, rej) => { const r = http.request('http://127.0.0.1:61700/multi-search', { method: 'POST', agent, headers: { authorization: cap.auth, 'content-type': 'application/json' } }, (x) => { let t = ''; x.setEncoding('utf8'); x.on('data', (c) => (t += c)); x.on('end', () => res(JSON.parse(t))); }); r.on('error', rej); r.end(cap.body); });
const viaClient = () => client.multiSearch(body);
const time = async (f) => { const s = performance.now(); await f(); return performance.now() - s; };
const a = [], d = [];
for (let i = 0; i < 50; i++) { await viaClient(); await raw(); }
for (let i = 0; i < 600; i++) { if (i % 2) { a.push(await time(viaClient)); d.push(await time(raw)); } else { d.push(await time(raw)); a.push(await time(viaClient)); } }
const q = (t, p) => [...t].sort((x, y) => x - y)[Math.floor(p * t.length)].toFixed(2);
console.log('client p50', q(a, .5), 'p95', q(a, .95), '| raw http p50', q(d, .5), 'p95', q(d, .95));
const c0 = process.cpuUsage(); for (let i = 0; i < 300; i++) await viaClient(); const c1 = process.cpuUsage(c0);
const r0 = process.cpuUsage(); for (let i = 0; i < 300; i++) await raw(); const r1 = process.cpuUsage(r0);
console.log('cpu per call: client', ((c1.user + c1.system) / 300 / 1000).toFixed(3), 'ms, raw', ((r1.user + r1.system) / 300 / 1000).toFixed(3), 'ms');
process.exit(0);
