#!/usr/bin/env node
// @ts-check
// `npm run test:production`: proves that `dependencies` hold everything production runs. A copy of the
// checkout's build, sources and lockfile gets `npm ci --omit=dev` (offline, from the npm cache) in a temporary
// folder; every bare import of the build's server and of the production scripts must load there, the built app
// must serve pages and search against the running local stack, and the production scripts (search:worker,
// search:reindex, digest:send, data:purge) must run. Needs a build (BUILD_OUT, else build/) and the stack.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { appEnvironment } from '../stack/app-env.js';
import { root } from '../stack/config.js';

/** What a deployment runs besides the app (package.json scripts). */
const PRODUCTION_SCRIPTS = [
	'scripts/search-worker.js',
	'scripts/search-reindex.js',
	'scripts/digest-send.js',
	'scripts/data-purge.js'
];
const build = path.resolve(root, process.env.BUILD_OUT ?? 'build');
const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

class Failure extends Error {}

/** @param {string} message @returns {never} */
function fail(message) {
	throw new Failure(message);
}

/** @param {string} dir @returns {string[]} */
function jsFiles(dir) {
	return fs
		.readdirSync(dir, { withFileTypes: true, recursive: true })
		.flatMap((entry) =>
			entry.isFile() && entry.name.endsWith('.js') ? [path.join(entry.parentPath, entry.name)] : []
		);
}

/**
 * The specifiers a module imports: static imports and re-exports, and dynamic imports outside comments
 * (the build keeps JSDoc such as `@type {import('polka').Middleware}`).
 * @param {string} file
 */
function importsOf(file) {
	const text = fs.readFileSync(file, 'utf8');
	const statements = text.matchAll(
		/(?:^|\n)[ \t]*(?:import|export)\s+(?:[^'";]*?\s*from\s*)?['"]([^'"\n]+)['"]/g
	);
	const found = [...statements].map((match) => /** @type {string} */ (match[1]));
	for (const line of text.split('\n')) {
		const code = line.replace(/\/\*.*?\*\//g, '').trimStart();
		if (/^(\*|\/\/|\/\*)/.test(code)) continue;
		for (const match of code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) {
			found.push(/** @type {string} */ (match[1]));
		}
	}
	return found;
}

/** A package's name, optionally with a path inside it: not relative, not a builtin, not a template. */
const isBare = (/** @type {string} */ specifier) =>
	/^(@[\w.-]+\/)?[\w.-]+(\/[\w./-]*)?$/.test(specifier) &&
	!specifier.startsWith('.') &&
	!builtins.has(specifier);

/** The package a bare specifier names: `@scope/name` or `name`. */
const packageOf = (/** @type {string} */ specifier) =>
	specifier
		.split('/')
		.slice(0, specifier.startsWith('@') ? 2 : 1)
		.join('/');

/**
 * Bare imports of the scripts and the modules they import from this checkout, by specifier.
 * @param {string[]} entries
 */
function scriptImports(entries) {
	/** @type {Map<string, string>} */
	const bare = new Map();
	const seen = new Set();
	/** @param {string} file */
	const walk = (file) => {
		if (seen.has(file) || !fs.existsSync(file)) return;
		seen.add(file);
		for (const specifier of importsOf(file)) {
			if (specifier.startsWith('.')) walk(path.resolve(path.dirname(file), specifier));
			else if (isBare(specifier) && !bare.has(specifier))
				bare.set(specifier, path.relative(root, file));
		}
	};
	for (const entry of entries) walk(path.join(root, entry));
	return bare;
}

/** @returns {Promise<number>} */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = /** @type {net.AddressInfo} */ (server.address());
			server.close(() => resolve(port));
		});
	});
}

/**
 * Runs a command in the copy and returns its output; fails with it unless the exit code is `expected`.
 * @param {string} dir @param {string[]} command @param {NodeJS.ProcessEnv} env @param {number} [expected]
 */
function runIn(dir, command, env, expected = 0) {
	const [file, ...args] = command;
	const result = spawnSync(/** @type {string} */ (file), args, { cwd: dir, env, encoding: 'utf8' });
	const output = `${result.stdout}${result.stderr}`.trim();
	if (result.status !== expected) {
		fail(`\`${command.join(' ')}\` exited with ${result.status}, not ${expected}:\n${output}`);
	}
	return output;
}

/** Before anything is made: says why and exits. @param {string} message @returns {never} */
function cannotStart(message) {
	console.error(`production install: ${message}`);
	process.exit(2);
}

if (!fs.existsSync(path.join(build, 'handler.js'))) {
	cannotStart(
		`no build in ${build}: run \`npx vite build\` first (BUILD_OUT names another folder)`
	);
}
if (!fs.existsSync(path.join(root, 'src/lib/paraglide/messages.js'))) {
	cannotStart('src/lib/paraglide is not generated: run `npm run prepare` first');
}

// Node looks for packages in every node_modules above a module: one above the copy would void the proof.
for (let dir = os.tmpdir(); ; dir = path.dirname(dir)) {
	if (fs.existsSync(path.join(dir, 'node_modules'))) {
		cannotStart(`${path.join(dir, 'node_modules')} lies above the copy; set TMPDIR elsewhere`);
	}
	if (dir === path.dirname(dir)) break;
}
const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'groeistoot-production-'));

const { NODE_PATH: _ignored, ...inherited } = process.env;
const env = { ...inherited, ...appEnvironment(inherited) };
/** @type {import('node:child_process').ChildProcess[]} */
const children = [];
let passed = false;
try {
	for (const file of ['package.json', 'package-lock.json']) {
		fs.copyFileSync(path.join(root, file), path.join(copy, file));
	}
	const started = Date.now();
	runIn(
		copy,
		['npm', 'ci', '--omit=dev', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'],
		env
	);
	const installed = fs.readdirSync(path.join(copy, 'node_modules'), { recursive: true }).length;
	console.log(
		`production install: npm ci --omit=dev in ${Date.now() - started} ms, ${installed} files`
	);

	fs.cpSync(build, path.join(copy, 'build'), { recursive: true });
	fs.cpSync(path.join(root, 'src'), path.join(copy, 'src'), { recursive: true });
	fs.cpSync(path.join(root, 'scripts'), path.join(copy, 'scripts'), { recursive: true });
	// Of the local stack, the scripts read only its well-known addresses (their defaults).
	fs.mkdirSync(path.join(copy, 'stack'));
	fs.copyFileSync(path.join(root, 'stack/config.js'), path.join(copy, 'stack/config.js'));

	/** @type {Map<string, string>} specifier → the first file that imports it */
	const bare = scriptImports(PRODUCTION_SCRIPTS);
	for (const file of jsFiles(build).filter(
		(file) => !file.includes(`${path.sep}client${path.sep}`)
	)) {
		for (const specifier of importsOf(file).filter(isBare)) {
			if (!bare.has(specifier)) bare.set(specifier, path.relative(root, file));
		}
	}
	const check = path.join(copy, 'import-check.mjs');
	fs.writeFileSync(
		check,
		`for (const specifier of ${JSON.stringify([...bare.keys()])}) await import(specifier);\n`
	);
	const loaded = spawnSync(process.execPath, [check], { cwd: copy, env, encoding: 'utf8' });
	if (loaded.status !== 0) {
		const missing = /Cannot find (?:package|module) '([^']+)'/.exec(loaded.stderr)?.[1];
		const importer = [...bare].find(([specifier]) => missing?.startsWith(packageOf(specifier)));
		fail(
			`an import does not load without devDependencies${importer ? ` (${importer[0]}, imported by ${importer[1]})` : ''}:\n${loaded.stderr}`
		);
	}
	const packages = [...new Set([...bare.keys()].map(packageOf))].sort();
	console.log(`production install: every bare import loads (${packages.join(', ')})`);

	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const app = spawn(process.execPath, ['build'], {
		cwd: copy,
		env: { ...env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: origin },
		stdio: ['ignore', 'ignore', 'pipe']
	});
	children.push(app);
	let appErrors = '';
	app.stderr?.on('data', (chunk) => (appErrors += chunk));
	/** Polls `url` until it answers 200 (the index settings may still be applied at start). */
	const answers = async (/** @type {string} */ url) => {
		const deadline = Date.now() + 60_000;
		let status;
		while (Date.now() < deadline) {
			if (app.exitCode !== null) fail(`the built app exited:\n${appErrors}`);
			status = (await fetch(`${origin}${url}`).catch(() => undefined))?.status;
			if (status === 200) return;
			await delay(250);
		}
		fail(`the built app answered ${url} with ${status ?? 'nothing'}:\n${appErrors}`);
	};
	const pages = ['/api/health', '/', '/academies', '/zoeken?q=robotica', '/api/search?q=robotica'];
	for (const url of pages) await answers(url);
	console.log(`production install: the built app serves ${pages.join(', ')}`);

	const worker = spawn(process.execPath, ['scripts/search-worker.js'], {
		cwd: copy,
		env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	children.push(worker);
	let workerOutput = '';
	worker.stderr?.on('data', (chunk) => (workerOutput += chunk));
	await new Promise((resolve) => {
		worker.stdout?.on('data', (chunk) => {
			workerOutput += chunk;
			if (workerOutput.includes(' started ')) resolve(undefined);
		});
		worker.once('exit', resolve);
	});
	if (worker.exitCode !== null) fail(`search:worker exited at start:\n${workerOutput}`);
	worker.kill('SIGTERM');
	runIn(copy, ['node', 'scripts/search-reindex.js', 'requests'], env);
	runIn(copy, ['node', 'scripts/data-purge.js'], env);
	// Pointed at no stack, digest:send stops at its settings: every module it imports has loaded by then,
	// and no digest of the local stack goes out in the middle of a test run.
	const digest = runIn(
		copy,
		['node', 'scripts/digest-send.js'],
		{ ...env, PUBLIC_SUPABASE_URL: 'https://production-install.invalid' },
		2
	);
	if (!digest.includes('only the local stack has defaults')) fail(`digest:send said: ${digest}`);
	console.log('production install: search:worker, search:reindex, data:purge and digest:send run');
	passed = true;
} catch (error) {
	if (!(error instanceof Failure)) throw error;
	console.error(`production install: ${error.message}`);
} finally {
	for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
	fs.rmSync(copy, { recursive: true, force: true });
}
process.exitCode = passed ? 0 : 1;
