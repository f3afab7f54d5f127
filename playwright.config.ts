import { defineConfig, devices } from '@playwright/test';
import { appEnvironment } from './stack/app-env.js';

// The running stack's URLs and keys, wherever its ports are (STACK_*), unless the environment sets them: for
// the web server below and for the specs that start a second app with this process's environment.
Object.assign(process.env, appEnvironment(process.env));

const port = Number(process.env.E2E_PORT ?? 4173);
const origin = `http://127.0.0.1:${port}`;
// BUILD_OUT: which build to serve (see svelte.config.js); E2E_REPORT: where the JSON report goes.
const buildDir = process.env.BUILD_OUT ?? 'build';

export default defineConfig({
	testDir: 'tests/e2e',
	// The accounts the specs signed up, and what they made, leave the developer's database afterwards.
	globalTeardown: './tests/e2e/global-teardown.ts',
	outputDir: process.env.E2E_OUTPUT ?? 'test-results',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: [
		['list'],
		['json', { outputFile: process.env.E2E_REPORT ?? '.local/reports/playwright.json' }]
	],
	use: {
		baseURL: origin,
		locale: 'nl-BE',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		}
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
	webServer: {
		// The built app as it runs in production (adapter-node), against the local stack.
		command: `node ${buildDir}`,
		url: `${origin}/api/health`,
		reuseExistingServer: false,
		timeout: 60_000,
		// As behind a proxy: the client's address is the last X-Forwarded-For entry. Each test sends an address
		// of its own (tests/e2e/support.ts), so the per-address sign-in limits count each test apart.
		env: {
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			ADDRESS_HEADER: 'x-forwarded-for',
			XFF_DEPTH: '1',
			// Room for a picture of up to 5 MB (the buckets' limit) in a multipart form, so that a larger
			// one gets the form's own message instead of adapter-node's 413 (its default is 512 kB).
			BODY_SIZE_LIMIT: '12M',
			// Idle keep-alive connections stay open 65 s instead of Node's 5 s. With 5 s, a test client that
			// pauses about that long between two calls (a database check on a busy machine) can send its next
			// call just as the server closes the connection, and gets ECONNRESET instead of an answer.
			KEEP_ALIVE_TIMEOUT: '65'
		}
	}
});
