// Liveness for load balancers and the e2e runner: the app process is up and serving requests.
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

export const GET = (() => json({ status: 'ok' })) satisfies RequestHandler;
