#!/usr/bin/env node
// @ts-check
// `npm run dev`: starts the local stack when it is not running, then the app's dev server against it on
// whichever ports the stack has (STACK_*): the stack's URLs and keys go to the app unless the environment or
// a .env file sets them. Arguments go to `vite dev`, e.g. `npm run dev -- --port 5180`.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { loadEnv } from 'vite';
import { appEnvironment } from '../stack/app-env.js';
import { root } from '../stack/config.js';

const started = spawnSync(process.execPath, ['stack/cli.js', 'start'], {
	cwd: root,
	stdio: 'inherit'
});
if (started.status !== 0) process.exit(started.status ?? 1);

const args = process.argv.slice(2);
const modeFlag = args.findIndex((arg) => arg === '--mode' || arg.startsWith('--mode='));
const mode =
	modeFlag < 0 ? 'development' : (String(args[modeFlag]).split('=')[1] ?? args[modeFlag + 1] ?? '');
// What the dev server will see: .env files, overridden by the process's environment (as SvelteKit loads it).
const seen = loadEnv(mode, root, '');
const vitePackage = createRequire(import.meta.url).resolve('vite/package.json');
const vite = spawn(
	process.execPath,
	[path.join(path.dirname(vitePackage), 'bin', 'vite.js'), 'dev', ...args],
	{ cwd: root, stdio: 'inherit', env: { ...process.env, ...appEnvironment(seen) } }
);

/** @type {NodeJS.Signals | undefined} */
let stopping;
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
	process.on(signal, () => {
		stopping = signal;
		vite.kill(signal);
	});
}
vite.on('exit', (code, signal) => process.exit(code ?? (signal === stopping ? 0 : 1)));
