// The arithmetic the bar charts share, kept out of the components so it has unit tests: where a bar ends
// as a percentage of the chart's width. The charts draw with percentage lengths, so one SVG fits 360 px and
// 1920 px alike without a viewBox that would stretch its text.

/** The value the full width stands for: the largest value (or the target, if larger), at least 1. */
export function scaleMax(values: readonly number[], target?: number, max?: number): number {
	if (max !== undefined && max > 0) return max;
	return Math.max(1, target ?? 0, ...values.filter(Number.isFinite));
}

/** A value's share of the width as an SVG percentage, between 0 and 100, with 2 decimals. */
export function widthPct(value: number, max: number): number {
	if (!Number.isFinite(value) || value <= 0 || max <= 0) return 0;
	return Math.round(Math.min(value / max, 1) * 10000) / 100;
}
