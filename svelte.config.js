import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// BUILD_OUT / KIT_OUT_DIR let two builds of one checkout run side by side (default: build, .svelte-kit).
		adapter: adapter({ out: process.env.BUILD_OUT ?? 'build' }),
		outDir: process.env.KIT_OUT_DIR ?? '.svelte-kit',
		// Cross-site form posts are refused by src/lib/server/csrf.ts (a handle in hooks) instead: the same check,
		// except for the one-click unsubscribe URL that mail providers POST without an Origin (RFC 8058).
		csrf: { trustedOrigins: ['*'] }
	}
};

export default config;
