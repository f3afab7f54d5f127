import { ServerOnly } from '$lib/server-only';
import type { Transport } from '@sveltejs/kit';

export const transport: Transport = {
	// Data of pages that never hydrate: a placeholder instead of its serialised rows (src/lib/server-only.ts).
	ServerOnly: {
		encode: (value) => value instanceof ServerOnly && [],
		decode: () => {
			throw new Error('Server-only page data reached the browser: its page must set csr = false.');
		}
	}
};
