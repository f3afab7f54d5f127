// Groups map points that would overlap on screen: a point joins the first group whose seed lies within
// `radius` (in map units, so the caller divides its pixel radius by the zoom). Deterministic and pure.

export type Located = { id: string; x: number; y: number };

export type Cluster<T extends Located> = {
	/** The seed's id: stable while the seed stays a group's first point. */
	id: string;
	/** The mean position of its points. */
	x: number;
	y: number;
	items: T[];
	/** [minX, minY, maxX, maxY] of its points. */
	box: [number, number, number, number];
};

/** The points in groups; points are taken west to east, then north to south, so the result is stable. */
export function clusterPoints<T extends Located>(
	points: readonly T[],
	radius: number
): Cluster<T>[] {
	const ordered = [...points].sort((a, b) => a.x - b.x || a.y - b.y || a.id.localeCompare(b.id));
	const groups: { seed: T; items: T[] }[] = [];
	for (const point of ordered) {
		const group = groups.find(
			({ seed }) => Math.hypot(seed.x - point.x, seed.y - point.y) <= radius
		);
		if (group) group.items.push(point);
		else groups.push({ seed: point, items: [point] });
	}
	return groups.map(({ seed, items }) => {
		const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
		let sumX = 0;
		let sumY = 0;
		for (const { x, y } of items) {
			sumX += x;
			sumY += y;
			box[0] = Math.min(box[0], x);
			box[1] = Math.min(box[1], y);
			box[2] = Math.max(box[2], x);
			box[3] = Math.max(box[3], y);
		}
		return { id: seed.id, x: sumX / items.length, y: sumY / items.length, items, box };
	});
}

/** True when a group's points all sit on (nearly) one spot: zooming in would never split them. */
export function isStacked(cluster: Cluster<Located>, tolerance = 0.5): boolean {
	const [minX, minY, maxX, maxY] = cluster.box;
	return maxX - minX <= tolerance && maxY - minY <= tolerance;
}
