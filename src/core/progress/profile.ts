// The learner profile (languages, level, goals, preferred style, daily goal) that the walkthrough
// asks for and the tutor adapts to: its schema with defaults, the questions that fill it in, and
// its file `profile.json` in the user's directory, saved atomically with a backup and recovered
// like the progress snapshot when damaged.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as z from 'zod';
import { UserFacingError } from '../errors';
import type { Logger } from '../log';
import { readDurableJson, writeDurableJson, type Decoded, type DurableJsonSpec, type ProgressNotice } from './store';

const languages = ['python', 'javascript'] as const;
const levels = ['beginner', 'intermediate', 'advanced'] as const;
const styles = ['examples', 'questions', 'theory'] as const;

function isTimeZone(value: string): boolean {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: value });
		return true;
	} catch {
		return false;
	}
}

export const learnerProfileSchema = z.object({
	languages: z.array(z.enum(languages)).default(['python']),
	level: z.enum(levels).default('beginner'),
	/** In the learner's words, e.g. "pass my first programming course". */
	goals: z.string().max(500).default(''),
	style: z.enum(styles).default('examples'),
	/** Exercises per day that count as meeting the daily goal. */
	dailyGoal: z.number().int().min(1).max(20).default(1),
	/** IANA zone for days and streaks; absent: the machine's zone. */
	timeZone: z.string().refine(isTimeZone, { error: 'must be an IANA time zone like Europe/Berlin' }).optional(),
});

export type LearnerProfile = z.output<typeof learnerProfileSchema>;

export const defaultProfile: LearnerProfile = learnerProfileSchema.parse({});

export const PROFILE_FILE = 'profile.json';

export interface ProfileOptions {
	readonly onNotice?: (notice: ProgressNotice) => void;
	readonly logger?: Logger;
	readonly clock?: () => Date;
}

function profileSpec(options: ProfileOptions): DurableJsonSpec<LearnerProfile> {
	return {
		label: 'learner profile',
		emptyOutcome: 'will ask your preferences again',
		now: options.clock ?? (() => new Date()),
		logger: options.logger,
		decode: (json): Decoded<LearnerProfile> => {
			const parsed = learnerProfileSchema.safeParse(json);
			return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: 'it did not have the expected format' };
		},
		encode: profile => `${JSON.stringify(profile, undefined, '\t')}\n`,
	};
}

/** The saved profile, or undefined when the learner has not set one up (or it was lost). */
export async function loadProfile(dir: string, options: ProfileOptions = {}): Promise<LearnerProfile | undefined> {
	const read = await readDurableJson(path.join(dir, PROFILE_FILE), profileSpec(options));
	if (read.notice) {
		options.logger?.warn(read.notice.message);
		options.onNotice?.(read.notice);
	}
	return read.value;
}

/** Saves atomically, keeping the previous profile as profile.json.bak; returns the profile with defaults. */
export async function saveProfile(dir: string, profile: Partial<LearnerProfile>, options: ProfileOptions = {}): Promise<LearnerProfile> {
	const parsed = learnerProfileSchema.safeParse(profile);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		throw new UserFacingError(`The learner profile's ${issue.path.join('.') || 'data'} is invalid: ${issue.message}.`);
	}
	await fs.mkdir(dir, { recursive: true });
	const file = path.join(dir, PROFILE_FILE);
	const spec = profileSpec(options);
	// Only a readable previous profile becomes the backup; a damaged one must not replace a good .bak.
	const previous = await fs.readFile(file, 'utf8').catch(() => undefined);
	const keep = previous !== undefined && isReadable(previous, spec) ? previous : undefined;
	await writeDurableJson(file, spec.encode(parsed.data), keep);
	return parsed.data;
}

function isReadable(text: string, spec: DurableJsonSpec<LearnerProfile>): boolean {
	try {
		return spec.decode(JSON.parse(text)).ok;
	} catch {
		return false;
	}
}

// ---- the walkthrough's questions ----------------------------------------------------------------

export interface ProfileOption<V> {
	readonly label: string;
	readonly description?: string;
	readonly value: V;
}

/** One question per field, in the order the walkthrough asks them (as quick picks or an input box). */
export type ProfileQuestion =
	| { readonly field: 'languages'; readonly kind: 'pickMany'; readonly title: string; readonly options: readonly ProfileOption<LearnerProfile['languages'][number]>[] }
	| { readonly field: 'level'; readonly kind: 'pickOne'; readonly title: string; readonly options: readonly ProfileOption<LearnerProfile['level']>[] }
	| { readonly field: 'style'; readonly kind: 'pickOne'; readonly title: string; readonly options: readonly ProfileOption<LearnerProfile['style']>[] }
	| { readonly field: 'dailyGoal'; readonly kind: 'pickOne'; readonly title: string; readonly options: readonly ProfileOption<number>[] }
	| { readonly field: 'goals'; readonly kind: 'text'; readonly title: string; readonly placeholder: string };

export const profileQuestions: readonly ProfileQuestion[] = [
	{
		field: 'languages',
		kind: 'pickMany',
		title: 'Which languages do you want to practise?',
		options: [
			{ label: 'Python', value: 'python' },
			{ label: 'JavaScript', value: 'javascript' },
		],
	},
	{
		field: 'level',
		kind: 'pickOne',
		title: 'How much programming have you done?',
		options: [
			{ label: 'Beginner', description: 'I am new to programming', value: 'beginner' },
			{ label: 'Intermediate', description: 'I can write small programs on my own', value: 'intermediate' },
			{ label: 'Advanced', description: 'I write programs regularly', value: 'advanced' },
		],
	},
	{
		field: 'style',
		kind: 'pickOne',
		title: 'How do you like to learn?',
		options: [
			{ label: 'Examples', description: 'Show me code and let me adapt it', value: 'examples' },
			{ label: 'Questions', description: 'Ask me questions until I find the answer', value: 'questions' },
			{ label: 'Theory', description: 'Explain the idea first, then the code', value: 'theory' },
		],
	},
	{
		field: 'dailyGoal',
		kind: 'pickOne',
		title: 'How many exercises a day would you like to aim for?',
		options: [
			{ label: '1 a day', description: 'A steady habit', value: 1 },
			{ label: '2 a day', value: 2 },
			{ label: '3 a day', value: 3 },
			{ label: '5 a day', description: 'Intensive practice', value: 5 },
		],
	},
	{
		field: 'goals',
		kind: 'text',
		title: 'What would you like to be able to do? (optional)',
		placeholder: 'For example: pass my first programming course, or automate a task at work',
	},
];
