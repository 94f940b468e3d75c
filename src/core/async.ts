// Small async helpers shared by core modules.

/**
 * Like Promise.all over `items.map(fn)`, with at most `limit` running at once: 10,000 open files
 * hit EMFILE, and grading more than two exercises at once only makes a 2-core machine thrash.
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
	const results = new Array<R>(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await fn(items[index]!, index);
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
	return results;
}
