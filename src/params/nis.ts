// A municipality's NIS code: five digits.
import type { ParamMatcher } from '@sveltejs/kit';

export const match = ((param: string) => /^\d{5}$/.test(param)) satisfies ParamMatcher;
