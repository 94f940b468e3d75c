// The dashboard's wording for numbers, days and due dates. Day keys are YYYY-MM-DD in the learner's
// time zone (the host already counted them there), so they are handled as UTC calendar dates and
// never shifted by the webview's own clock.

const DAY_MS = 86_400_000;

/** "1 attempt", "3 attempts". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
	return `${n} ${n === 1 ? singular : plural}`;
}

/** Days since 1970-01-01 for a YYYY-MM-DD key. */
export function dayNumber(day: string): number {
	const [y, m, d] = day.split('-').map(Number);
	return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: string): number {
	// 1970-01-01 was a Thursday.
	return (((dayNumber(day) + 4) % 7) + 7) % 7;
}

export function dayOfMonth(day: string): number {
	return Number(day.slice(8, 10));
}

/** The webview's language (the host writes VS Code's display language into <html lang>). */
export function pageLocale(): string | undefined {
	return document.documentElement.lang || undefined;
}

function dayFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): (day: string) => string {
	let format: Intl.DateTimeFormat;
	try {
		format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
	} catch {
		format = new Intl.DateTimeFormat(undefined, { ...options, timeZone: 'UTC' });
	}
	return day => format.format(new Date(dayNumber(day) * DAY_MS));
}

/** "Nov 30" */
export const shortDay = (locale: string | undefined) => dayFormat(locale, { month: 'short', day: 'numeric' });
/** "Sunday, November 30, 2026" */
export const longDay = (locale: string | undefined) => dayFormat(locale, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });
/** "Nov" */
export const monthName = (locale: string | undefined) => dayFormat(locale, { month: 'short' });

/** A timestamp as a date in the learner's time zone: "Nov 30, 2026". */
export function formatDate(iso: string, timeZone: string, locale: string | undefined): string {
	const time = Date.parse(iso);
	if (!Number.isFinite(time)) {
		return '';
	}
	const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' };
	try {
		return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(time);
	} catch {
		// An unknown time zone name: the webview's own zone is the next best guess.
		return new Intl.DateTimeFormat(locale, options).format(time);
	}
}

/** "due now", "due in 5 hours", "due tomorrow", "due in 3 days". */
export function dueText(review: { dueAt: string; due: boolean }, now: string): string {
	if (review.due) {
		return 'due now';
	}
	const ms = Date.parse(review.dueAt) - Date.parse(now);
	if (!Number.isFinite(ms)) {
		return 'scheduled';
	}
	if (ms <= 0) {
		return 'due now';
	}
	const hours = Math.ceil(ms / 3_600_000);
	if (hours < 24) {
		return `due in ${count(hours, 'hour')}`;
	}
	const days = Math.round(ms / DAY_MS);
	return days <= 1 ? 'due tomorrow' : `due in ${days} days`;
}

export function percent(p: number): number {
	return Math.round(Math.min(1, Math.max(0, p)) * 100);
}
