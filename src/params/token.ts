// An invitation token from a mail link: 32 random bytes in hex (only its sha256 is stored).
import type { ParamMatcher } from '@sveltejs/kit';

export const match = ((param: string) => /^[0-9a-f]{64}$/.test(param)) satisfies ParamMatcher;
