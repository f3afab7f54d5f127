// @ts-check
// Answers kept by key, for work whose answer depends on the key alone and comes back on every request
// (a date written in Dutch, a path resolved). Emptied when full, so it never holds more than its limit.

/**
 * @template T
 * @param {number} limit
 * @returns {(key: string, make: () => T) => T} the kept answer for `key`, else what `make` answers, kept
 */
export function keptAnswers(limit) {
	/** @type {Map<string, T>} */
	const kept = new Map();
	return (key, make) => {
		let answer = kept.get(key);
		if (answer === undefined) {
			// Made first: a `make` that throws keeps nothing, and one that keeps answers of its own (a date
			// and time writes its time) cannot push the map past its limit.
			answer = make();
			if (kept.size >= limit) kept.clear();
			kept.set(key, answer);
		}
		return answer;
	};
}
