import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		tailwindcss(),
		sveltekit(),
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['cookie', 'baseLocale']
		})
	],
	server: { host: '127.0.0.1', port: 5173, strictPort: true },
	preview: { host: '127.0.0.1', port: 4173, strictPort: true },
	test: {
		reporters: ['default'],
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'unit',
					environment: 'node',
					include: ['src/**/*.test.ts', 'stack/**/*.test.js', 'tests/unit/**/*.test.ts']
				}
			},
			{
				// The app's own modules (src/lib) import each other through $lib; the suites import them too.
				resolve: { alias: { $lib: new URL('./src/lib', import.meta.url).pathname } },
				test: {
					name: 'integration',
					environment: 'node',
					include: ['tests/integration/**/*.test.ts'],
					// The suites share one local stack; files run one at a time to keep the 2-core machine calm.
					fileParallelism: false,
					testTimeout: 20_000,
					hookTimeout: 30_000
				}
			}
		]
	}
});
