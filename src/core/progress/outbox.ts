// Progress events waiting to go to the CodeMentor platform: the ids of events not yet accepted,
// kept in a small file next to the user's progress so that a closed window or a day offline loses
// nothing. Sending is in batches, oldest first; a failed batch stays queued for the next flush. The
// platform ignores ids it already has, so a resend after a lost reply is harmless.
import * as fs from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import type { ProgressEvent } from './events';

export const OUTBOX_FILE = 'platform-outbox.json';
export const OUTBOX_BATCH = 200;

export type SendBatch = (events: readonly ProgressEvent[]) => Promise<unknown>;

export interface FlushResult {
	readonly sent: number;
	readonly pending: number;
	/** Set when a batch failed (it stays queued). */
	readonly error?: unknown;
}

export class PlatformOutbox {
	private pending: string[] | undefined;
	private flushing: Promise<FlushResult> | undefined;

	constructor(private readonly file: string) {}

	private async load(): Promise<string[]> {
		if (!this.pending) {
			const text = await fs.readFile(this.file, 'utf8').catch(() => '');
			let ids: unknown;
			try {
				ids = text ? JSON.parse(text) : [];
			} catch {
				ids = [];
			}
			this.pending = Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
		}
		return this.pending;
	}

	private async save(): Promise<void> {
		await writeFileAtomic(this.file, JSON.stringify(this.pending ?? []));
	}

	async size(): Promise<number> {
		return (await this.load()).length;
	}

	async enqueue(ids: readonly string[]): Promise<void> {
		const pending = await this.load();
		const known = new Set(pending);
		const fresh = ids.filter(id => !known.has(id));
		if (fresh.length > 0) {
			pending.push(...fresh);
			await this.save();
		}
	}

	/** Sends what is queued; `lookup` gives the events by id (an id no longer in the store is dropped). */
	flush(lookup: (ids: readonly string[]) => readonly ProgressEvent[], send: SendBatch): Promise<FlushResult> {
		this.flushing ??= this.flushNow(lookup, send).finally(() => (this.flushing = undefined));
		return this.flushing;
	}

	private async flushNow(lookup: (ids: readonly string[]) => readonly ProgressEvent[], send: SendBatch): Promise<FlushResult> {
		const pending = await this.load();
		let sent = 0;
		while (pending.length > 0) {
			const ids = pending.slice(0, OUTBOX_BATCH);
			const events = lookup(ids);
			try {
				if (events.length > 0) {
					await send(events);
				}
			} catch (error) {
				return { sent, pending: pending.length, error };
			}
			pending.splice(0, ids.length);
			sent += events.length;
			await this.save();
		}
		return { sent, pending: 0 };
	}
}
