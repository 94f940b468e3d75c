// What review on save remembers per document: the text it last reviewed (the base of the next
// diff), that text's hash (a save of unchanged content costs no model call) and the findings
// shown for it. In memory only, bounded, least recently used first out.
import { createHash } from 'node:crypto';
import type { ReviewFinding } from './findings';

export interface ReviewedDocument {
	readonly hash: string;
	readonly text: string;
	readonly findings: readonly ReviewFinding[];
}

export function contentHash(text: string): string {
	return createHash('sha256').update(text).digest('hex');
}

export class ReviewCache {
	private readonly entries = new Map<string, ReviewedDocument>();

	constructor(private readonly maxEntries = 200) {}

	get(uri: string): ReviewedDocument | undefined {
		const entry = this.entries.get(uri);
		if (entry) {
			// Refreshes its place in the LRU order.
			this.entries.delete(uri);
			this.entries.set(uri, entry);
		}
		return entry;
	}

	/** True when `text` is exactly what was last reviewed for this document. */
	unchanged(uri: string, text: string): boolean {
		return this.entries.get(uri)?.hash === contentHash(text);
	}

	set(uri: string, text: string, findings: readonly ReviewFinding[]): ReviewedDocument {
		const entry = { hash: contentHash(text), text, findings };
		this.entries.delete(uri);
		this.entries.set(uri, entry);
		while (this.entries.size > this.maxEntries) {
			this.entries.delete(this.entries.keys().next().value!);
		}
		return entry;
	}

	delete(uri: string): boolean {
		return this.entries.delete(uri);
	}

	clear(): void {
		this.entries.clear();
	}

	get size(): number {
		return this.entries.size;
	}
}
