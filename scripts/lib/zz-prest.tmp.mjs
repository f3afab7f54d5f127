import { readFileSync } from 'node:fs';
const pid = JSON.parse(readFileSync('/work/stacks/g/run/postgrest.pid', 'utf8')).pid;
const cpu = (p) => { const f = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) * 10; };
const base = `http://127.0.0.1:${process.env.STACK_POSTGREST_PORT}`;
const key = process.env.PUBLIC_SUPABASE_ANON_KEY;
const urls = JSON.parse(process.env.URLS);
const h = { apikey: key, Authorization: `Bearer ${key}` };
for (const [n, u] of Object.entries(urls)) { const r = await fetch(base + u, { headers: h }); console.log(n, r.status, (await r.text()).length); }
for (let round = 0; round < 3; round++) for (const [n, u] of Object.entries(urls)) {
  for (let i = 0; i < 100; i++) await (await fetch(base + u, { headers: h })).text();
  const c0 = cpu(pid), t0 = performance.now();
  const N = 1000;
  await Promise.all(Array.from({ length: 4 }, async () => { for (let i = 0; i < N / 4; i++) await (await fetch(base + u, { headers: h })).text(); }));
  console.log(round, n, 'postgrest ms/call', ((cpu(pid) - c0) / N).toFixed(3), 'wall ms/call', ((performance.now() - t0) / N).toFixed(3));
}
