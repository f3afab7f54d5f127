// Zod probes whether it may compile parsers with `new Function`; the Content-Security-Policy forbids
// that (no 'unsafe-eval'), and the probe alone is reported as a violation. Parse without compiling.
import { config } from 'zod';

config({ jitless: true });
