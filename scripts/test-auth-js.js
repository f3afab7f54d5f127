#!/usr/bin/env node
// @ts-check
// `npm run test:auth-js`: Supabase Auth's own client test suite (supabase/auth-js at a pinned commit) against
// four instances of the local auth service, configured with the environment of the suite's
// infra/docker-compose.yml (only the database and SMTP addresses differ). The tests are not changed.
//
// Where auth-js comes from: AUTH_JS_GIT (a git URL or a local clone), else GitHub. Its dependencies come
// from the npm registry. The checkout and its node_modules are kept in .local/auth-js/<commit>.
// Prints `auth-js suite: P passed, F failed of T` and writes every failing test's name to
// .local/auth-js/failures.txt. Ports 9996-9999 must be free: the suite's tests name them.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sleep, usePrivateStack } from './lib/bench-kit.js';

const COMMIT = '25c6b427162b47f9089e0c9d2389d4ee1ca12343'; // "chore: add deprecation notice (#1129)"
const SOURCE = process.env.AUTH_JS_GIT || 'https://github.com/supabase/auth-js.git';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const cacheDir = path.join(root, '.local', 'auth-js');
const checkout = path.join(cacheDir, COMMIT);

/** @param {string} command @param {string[]} args @param {import('node:child_process').SpawnSyncOptions} [options] */
function run(command, args, options = {}) {
	const result = spawnSync(command, args, { stdio: 'inherit', encoding: 'utf8', ...options });
	if (result.status !== 0) {
		const output = `${result.stderr ?? ''}${result.stdout ?? ''}`.trim();
		throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status})\n${output}`);
	}
	return result;
}

/** The pinned commit's files and the test dependencies, fetched once. */
function prepareCheckout() {
	const ready = path.join(checkout, '.groeistoot-ready');
	if (fs.existsSync(ready)) return;
	fs.rmSync(checkout, { recursive: true, force: true });
	fs.mkdirSync(checkout, { recursive: true });
	const git = (/** @type {string[]} */ ...args) =>
		run('git', ['-C', checkout, ...args], { stdio: 'pipe' });
	console.log(`Fetching supabase/auth-js ${COMMIT.slice(0, 7)} from ${SOURCE} …`);
	git('init', '-q');
	try {
		git('fetch', '-q', '--depth', '1', SOURCE, COMMIT);
	} catch (error) {
		throw new Error(
			`could not fetch auth-js ${COMMIT} from ${SOURCE}: ${/** @type {Error} */ (error).message}\n` +
				'Set AUTH_JS_GIT to a reachable git URL or a local clone of supabase/auth-js.',
			{ cause: error }
		);
	}
	git('checkout', '-q', 'FETCH_HEAD');
	console.log('Installing its test dependencies from the npm registry …');
	const npm = ['ci', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'];
	run('npm', npm, { cwd: checkout });
	run('npm', npm, { cwd: path.join(checkout, 'test') });
	fs.writeFileSync(ready, new Date().toISOString());
}

/**
 * The environment of each GoTrue service in the compose file, by service name. The file is plain: a
 * service at two spaces, `environment:` at four, one `KEY: value` per line at six.
 * @param {string} text
 * @returns {Map<string, Record<string, string>>}
 */
export function composeEnvironments(text) {
	/** @type {Map<string, Record<string, string>>} */
	const services = new Map();
	/** @type {Record<string, string> | null} */
	let current = null;
	let inEnvironment = false;
	for (const line of text.split('\n')) {
		const service = /^ {2}([\w-]+):/.exec(line);
		if (service) {
			current = {};
			services.set(service[1] ?? '', current);
			inEnvironment = false;
			continue;
		}
		if (/^ {4}\S/.test(line)) {
			inEnvironment = /^ {4}environment:\s*$/.test(line);
			continue;
		}
		const entry = /^ {6}([A-Z_][A-Z0-9_]*):\s*(.*)$/.exec(line);
		if (current && inEnvironment && entry) {
			let value = (entry[2] ?? '').trim();
			if (/^'.*'$/.test(value) || /^".*"$/.test(value)) value = value.slice(1, -1);
			// ${VAR} takes the variable from this environment, empty when unset (as docker compose does).
			value = value.replace(/\$\{(\w+)\}/g, (_, name) => process.env[name] ?? '');
			current[entry[1] ?? ''] = value;
		}
	}
	for (const [name, env] of services) if (!env.PORT) services.delete(name);
	return services;
}

/** @param {string} url */
async function waitForHealth(url) {
	for (let i = 0; i < 400; i++) {
		try {
			if ((await fetch(`${url}/health`)).ok) return;
		} catch {
			// not listening yet
		}
		await sleep(50);
	}
	throw new Error(`${url} did not answer /health`);
}

async function main() {
	prepareCheckout();
	const compose = fs.readFileSync(path.join(checkout, 'infra', 'docker-compose.yml'), 'utf8');
	const services = composeEnvironments(compose);

	const stack = await usePrivateStack('auth-js', 27);
	const { config } = stack;
	/** @type {import('node:child_process').ChildProcess[]} */
	const children = [];
	const logFile = path.join(cacheDir, 'auth-service.log');
	const log = fs.openSync(logFile, 'w');
	try {
		stack.start();
		for (const [name, env] of services) {
			const child = spawn('node', [path.join(root, 'stack', 'auth', 'main.js')], {
				cwd: root,
				stdio: ['ignore', log, log],
				env: {
					PATH: process.env.PATH,
					...env,
					DATABASE_URL: `postgres://supabase_auth_admin:${encodeURIComponent(config.dbPassword)}@${config.host}:${config.ports.postgres}/postgres`,
					GOTRUE_SMTP_HOST: config.host,
					GOTRUE_SMTP_PORT: String(config.ports.mailboxSmtp)
				}
			});
			children.push(child);
			await waitForHealth(`http://localhost:${env.PORT}`).catch((error) => {
				throw new Error(`${name}: ${error.message} (see ${logFile})`);
			});
		}

		const report = path.join(cacheDir, 'report.json');
		fs.rmSync(report, { force: true });
		console.log(`Running the suite against ${services.size} auth services …`);
		spawnSync(
			path.join(checkout, 'test', 'node_modules', '.bin', 'jest'),
			['--runInBand', '--json', `--outputFile=${report}`],
			{ cwd: path.join(checkout, 'test'), stdio: ['ignore', 'ignore', 'inherit'] }
		);
		/** @type {any} */
		const result = JSON.parse(fs.readFileSync(report, 'utf8'));
		const failures = result.testResults.flatMap((/** @type {any} */ file) =>
			file.assertionResults
				.filter((/** @type {any} */ t) => t.status === 'failed')
				.map(
					(/** @type {any} */ t) =>
						`${path.basename(file.name)} › ${t.fullName}\n    ${String(t.failureMessages[0] ?? '')
							.split('\n')
							.slice(0, 3)
							.join('\n    ')}`
				)
		);
		const suiteErrors = result.testResults
			.filter(
				(/** @type {any} */ file) => file.status === 'failed' && !file.assertionResults.length
			)
			.map((/** @type {any} */ file) => `${path.basename(file.name)}: ${file.message}`);
		fs.writeFileSync(path.join(cacheDir, 'failures.txt'), [...suiteErrors, ...failures].join('\n'));
		if (failures.length || suiteErrors.length)
			console.log(`Failing tests are listed in ${path.relative(root, cacheDir)}/failures.txt`);
		const failed = result.numFailedTests + suiteErrors.length;
		console.log(
			`auth-js suite: ${result.numPassedTests} passed, ${failed} failed of ${result.numTotalTests}`
		);
		process.exitCode = failed ? 1 : 0;
	} finally {
		for (const child of children) child.kill('SIGTERM');
		fs.closeSync(log);
		stack.stop();
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	main().catch((error) => {
		console.error(error instanceof Error ? error.message : error);
		console.log('auth-js suite: 0 passed, 1 failed of 1');
		process.exit(1);
	});
}
