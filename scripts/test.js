#!/usr/bin/env node
// @ts-check
// `npm test`: every runner against the real local stack, then one plain closing line that sums them.
// Starts the stack when it is not running and stops it again only if this run started it. The stack's URLs
// and keys go to every runner (and so to the app they start) unless the environment sets them, so the stack
// may run on other ports (STACK_*).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { appEnvironment } from '../stack/app-env.js';
import { localDir } from '../stack/config.js';

const reports = path.join(localDir, 'reports');
const vitestReport = path.join(reports, 'vitest.json');
// Where playwright.config.ts writes its report (E2E_REPORT, else one next to this run's other reports).
const playwrightReport = process.env.E2E_REPORT ?? path.join(reports, 'playwright.json');

const stackEnv = appEnvironment(process.env);

/** @param {string} command @param {string[]} args @param {NodeJS.ProcessEnv} [env] */
function run(command, args, env) {
	const result = spawnSync(command, args, {
		stdio: 'inherit',
		env: { ...process.env, ...stackEnv, ...env }
	});
	return result.status ?? 1;
}

/** @param {string} file @returns {any} */
function readJson(file) {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		return undefined;
	}
}

const wasRunning = run('node', ['stack/cli.js', 'status'], {}) === 0;
if (!wasRunning && run('node', ['stack/cli.js', 'start']) !== 0) {
	console.log('0 passed, 1 failed');
	process.exit(1);
}

let passed = 0;
let failed = 0;
let skipped = 0;
try {
	fs.rmSync(reports, { recursive: true, force: true });
	fs.mkdirSync(reports, { recursive: true });
	fs.rmSync(playwrightReport, { force: true });

	const vitestExit = run('npx', [
		'vitest',
		'run',
		'--reporter=default',
		'--reporter=json',
		`--outputFile.json=${vitestReport}`
	]);
	const vitest = readJson(vitestReport);
	if (vitest) {
		passed += vitest.numPassedTests;
		failed += vitest.numFailedTests;
		skipped += vitest.numPendingTests + vitest.numTodoTests;
		// A suite that failed to load counts no tests: still a failure.
		if (vitestExit !== 0 && vitest.numFailedTests === 0)
			failed += Math.max(1, vitest.numFailedTestSuites);
	} else {
		console.error('vitest wrote no report');
		failed += 1;
	}

	const buildExit = run('npx', ['vite', 'build', '--logLevel', 'warn']);
	if (buildExit !== 0) {
		console.error('the app did not build: end-to-end tests not run');
		failed += 1;
	} else {
		// A production install (no devDependencies) of this build serves the app and runs the scripts.
		if (run('node', ['scripts/check-production-install.js']) === 0) passed += 1;
		else failed += 1;

		const playwrightExit = run('npx', ['playwright', 'test'], { E2E_REPORT: playwrightReport });
		const playwright = readJson(playwrightReport);
		if (playwright) {
			passed += playwright.stats.expected + playwright.stats.flaky;
			failed += playwright.stats.unexpected;
			skipped += playwright.stats.skipped;
			if (playwrightExit !== 0 && playwright.stats.unexpected === 0) failed += 1;
		} else {
			console.error('playwright wrote no report');
			failed += 1;
		}
	}
} finally {
	if (!wasRunning) run('node', ['stack/cli.js', 'stop']);
}

console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
