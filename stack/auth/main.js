// @ts-check
// Runs the auth service on its own, configured like GoTrue through its environment variables.
import http from 'node:http';
import { createAuthHandler, authOptionsFromEnv } from './server.js';

const options = authOptionsFromEnv(process.env, { log: (m) => console.error(m) });
const handler = createAuthHandler(options);
const port = Number(process.env.PORT ?? 9999);
const host = process.env.GOTRUE_API_HOST ?? '127.0.0.1';
const server = http.createServer(handler);
server.listen(port, host, () => console.log(`auth: listening on http://${host}:${port}`));

for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => {
		server.close();
		handler.close().finally(() => process.exit(0));
	});
}
