import nodeAdapter from '@sveltejs/adapter-node';
import { readFileSync, writeFileSync } from 'node:fs';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';

// The one style attribute the pages need: SvelteKit's route announcer (a visually hidden live region it adds
// after hydration, from @sveltejs/kit's write_root.js). Should a SvelteKit release change it, the CSP e2e
// test (tests/e2e/security-headers.spec.ts) reports the violation.
const ANNOUNCER_STYLE =
	'position: absolute; left: 0; top: 0; clip: rect(0 0 0 0); clip-path: inset(50%); overflow: hidden; white-space: nowrap; width: 1px; height: 1px';
const announcerStyleHash = `sha256-${createHash('sha256').update(ANNOUNCER_STYLE).digest('base64')}`;

// Logos and photos come from Supabase Storage's public URLs: the project's own origin (PUBLIC_SUPABASE_URL
// when building, the local stack's otherwise) and any hosted project's, so that a build made without the
// variable still shows a hosted project's pictures.
const storageOrigins = [
	new URL(process.env.PUBLIC_SUPABASE_URL || 'http://127.0.0.1:54321').origin,
	'https://*.supabase.co'
];

// Before SvelteKit's handler, the built server asks the lane that hooks.server.ts registers at start
// (src/lib/server/search/box-lane.ts: the header box's searches, answered without SvelteKit's work per
// request); the lane takes a request or passes it on.
const LANE = `(req, res, next) => { const lane = globalThis[Symbol.for('groeistoot.lane')]; if (!lane?.(req, res)) next(); }`;

/**
 * adapter-node, with the lane added to the server it writes (index.js: `polka(…).use(handler)`). Should a
 * release of the adapter write that line differently, the build stops here rather than leave the lane out.
 * @param {{ out?: string }} options
 * @returns {import('@sveltejs/kit').Adapter}
 */
function adapter({ out = 'build' }) {
	const node = nodeAdapter({ out });
	return {
		...node,
		async adapt(builder) {
			await node.adapt(builder);
			const file = `${out}/index.js`;
			const server = readFileSync(file, 'utf8');
			const use = '.use(handler);';
			if (server.split(use).length !== 2) {
				throw new Error(
					`${file}: no single "${use}" to put the lane before (adapter-node changed)`
				);
			}
			writeFileSync(file, server.replace(use, `.use(${LANE}, handler);`));
		}
	};
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// BUILD_OUT / KIT_OUT_DIR let two builds of one checkout run side by side (default: build, .svelte-kit).
		adapter: adapter({ out: process.env.BUILD_OUT ?? 'build' }),
		outDir: process.env.KIT_OUT_DIR ?? '.svelte-kit',
		// Cross-site form posts are refused by src/lib/server/csrf.ts (a handle in hooks) instead: the same check,
		// except for the one-click unsubscribe URL that mail providers POST without an Origin (RFC 8058).
		csrf: { trustedOrigins: ['*'] },
		// Links and assets from the site's root ("/academies/…"), not relative to the page ("../academies/…"):
		// the app is served at the root, and a relative link costs resolve() a look at the request's path on
		// every call (resolve() 3.0 -> 2.2 % of the app's CPU on a municipality's page, --cpu-prof). The cards'
		// links are kept by path on that ground (src/lib/resolved.ts, which stops on a relative answer).
		paths: { relative: false },
		// Pages may load scripts, styles, images and data from this site only (and pictures from Storage,
		// above); SvelteKit adds the hashes of its own inline scripts. Hashes, not nonces: the page cache
		// shares one rendered page among visitors, and a hash fits every copy. Headers for other responses: src/lib/server/security-headers.ts.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				'style-src-attr': ['unsafe-hashes', announcerStyleHash],
				// data: for the two-factor set-up's QR code, an SVG made by the auth service (an <img> runs no script).
				'img-src': ['self', 'data:', ...storageOrigins],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
