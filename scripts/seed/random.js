// @ts-check
// A small seeded pseudo-random generator (mulberry32) with the helpers the seed needs. The same seed
// always gives the same sequence, so the generated SQL is the same on every machine.

/** @param {number} seed */
export function createRandom(seed) {
	let state = seed >>> 0;

	/** A float in [0, 1). */
	function next() {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** An integer in [min, max], both included. @param {number} min @param {number} max */
	function int(min, max) {
		return min + Math.floor(next() * (max - min + 1));
	}

	/** True with probability p. @param {number} p */
	function chance(p) {
		return next() < p;
	}

	/**
	 * One element, uniformly.
	 * @template T
	 * @param {readonly T[]} items
	 * @returns {T}
	 */
	function pick(items) {
		if (items.length === 0) throw new Error('pick from an empty list');
		return /** @type {T} */ (items[Math.floor(next() * items.length)]);
	}

	/**
	 * One element, with probability proportional to its weight.
	 * @template T
	 * @param {readonly T[]} items
	 * @param {(item: T) => number} weight
	 * @returns {T}
	 */
	function weighted(items, weight) {
		const weights = items.map(weight);
		const total = weights.reduce((sum, w) => sum + w, 0);
		if (!(total > 0)) return pick(items);
		let r = next() * total;
		for (let i = 0; i < items.length; i++) {
			r -= /** @type {number} */ (weights[i]);
			if (r < 0) return /** @type {T} */ (items[i]);
		}
		return /** @type {T} */ (items[items.length - 1]);
	}

	/**
	 * A shuffled copy (Fisher–Yates).
	 * @template T
	 * @param {readonly T[]} items
	 * @returns {T[]}
	 */
	function shuffle(items) {
		const copy = [...items];
		for (let i = copy.length - 1; i > 0; i--) {
			const j = Math.floor(next() * (i + 1));
			[copy[i], copy[j]] = [/** @type {T} */ (copy[j]), /** @type {T} */ (copy[i])];
		}
		return copy;
	}

	/**
	 * n distinct elements (or all when there are fewer).
	 * @template T
	 * @param {readonly T[]} items
	 * @param {number} n
	 * @returns {T[]}
	 */
	function sample(items, n) {
		return shuffle(items).slice(0, n);
	}

	return { next, int, chance, pick, weighted, shuffle, sample };
}

/** @typedef {ReturnType<typeof createRandom>} Random */

/**
 * Splits `total` into whole counts proportional to `shares` (largest remainder), so that a list built
 * from them has exactly the statistics' mix.
 * @template {string} K
 * @param {Record<K, number>} shares
 * @param {number} total
 * @returns {Record<K, number>}
 */
export function apportion(shares, total) {
	const keys = /** @type {K[]} */ (Object.keys(shares));
	const sum = keys.reduce((s, k) => s + shares[k], 0);
	const exact = keys.map((k) => ({ k, x: (shares[k] / sum) * total }));
	const counts = /** @type {Record<K, number>} */ ({});
	let given = 0;
	for (const { k, x } of exact) {
		counts[k] = Math.floor(x);
		given += counts[k];
	}
	const byRemainder = [...exact].sort((a, b) => b.x - Math.floor(b.x) - (a.x - Math.floor(a.x)));
	for (let i = 0; given < total; i++, given++) {
		const entry = /** @type {{ k: K, x: number }} */ (byRemainder[i % byRemainder.length]);
		counts[entry.k] += 1;
	}
	return counts;
}
