// The tutor's modes and slash commands: what each one is for, how a typed "/command" is read, and
// the mode a conversation starts in. Plain data with no imports, so the Tutor webview (through the
// host's state) and the VS Code chat participant's `commands` contribution can share one list.

export type TutorMode = 'guide' | 'explain' | 'debug' | 'review';

export interface ModeInfo {
	readonly id: TutorMode;
	readonly label: string;
	readonly description: string;
}

export const tutorModes: readonly ModeInfo[] = [
	{ id: 'guide', label: 'Guide', description: 'Works through your exercise with you: one question at a time, the next hint when you need it, never the finished answer.' },
	{ id: 'explain', label: 'Explain', description: 'Explains a concept or a piece of code with small examples of its own.' },
	{ id: 'debug', label: 'Debug', description: 'Reads an error with you, finds where it happens and why, and shows how to check it; you make the fix.' },
	{ id: 'review', label: 'Review', description: 'Reviews your code: what works well, issues by severity, and questions to think about.' },
];

export function modeInfo(mode: TutorMode): ModeInfo {
	// tutorModes covers every TutorMode; the find cannot miss.
	return tutorModes.find(m => m.id === mode)!;
}

export function isTutorMode(value: unknown): value is TutorMode {
	return typeof value === 'string' && tutorModes.some(m => m.id === value);
}

export type SlashCommand = 'explain' | 'hint' | 'debug' | 'review' | 'exercise' | 'plan' | 'help';

export interface SlashCommandInfo {
	/** Without the slash, as VS Code's chat participant `commands` contribution spells it. */
	readonly name: SlashCommand;
	readonly description: string;
	/** The mode the tutor answers in; undefined for commands that are not a tutoring turn. */
	readonly mode?: TutorMode;
}

/** In the order menus show them. `{ name, description }` is exactly a chat participant command. */
export const slashCommands: readonly SlashCommandInfo[] = [
	{ name: 'explain', description: 'Explain a concept or the selected code', mode: 'explain' },
	{ name: 'hint', description: 'Get the next hint for the exercise you are working on', mode: 'guide' },
	{ name: 'debug', description: 'Understand an error or a failing test', mode: 'debug' },
	{ name: 'review', description: 'Get feedback on your code', mode: 'review' },
	{ name: 'exercise', description: 'Get a practice exercise on a topic', mode: 'guide' },
	{ name: 'plan', description: 'Plan your study or add a reminder', mode: 'explain' },
	{ name: 'help', description: 'Show what the tutor can do' },
];

export function slashCommandInfo(command: SlashCommand): SlashCommandInfo {
	return slashCommands.find(c => c.name === command)!;
}

export interface ParsedInput {
	readonly command?: SlashCommand;
	/** The text after the command, or the whole (trimmed) text when there is no command. */
	readonly rest: string;
	/** Set when the text starts with a "/word" that is not a command: the word as typed. */
	readonly unknown?: string;
	/** The known command closest to `unknown`, when one is close enough to be a likely typo. */
	readonly suggestion?: SlashCommand;
}

/**
 * Reads a leading "/command". Only "/word" followed by a space or the end counts, so a message that
 * starts with a path ("/usr/bin/python: not found") is plain text.
 */
export function parseSlashCommand(text: string): ParsedInput {
	const trimmed = text.trim();
	const match = /^\/([A-Za-z][\w-]*)(?=\s|$)/.exec(trimmed);
	if (!match) {
		return { rest: trimmed };
	}
	const word = match[1]!;
	const known = slashCommands.find(c => c.name === word.toLowerCase());
	if (known) {
		return { command: known.name, rest: trimmed.slice(match[0].length).trim() };
	}
	const suggestion = nearestCommand(word.toLowerCase());
	return suggestion ? { rest: trimmed, unknown: word, suggestion } : { rest: trimmed, unknown: word };
}

function nearestCommand(word: string): SlashCommand | undefined {
	// A prefix ("/rev", "/ex") is what people type when they half-remember a name.
	const prefixed = slashCommands.filter(c => c.name.startsWith(word));
	if (prefixed.length === 1) {
		return prefixed[0]!.name;
	}
	let best: SlashCommand | undefined;
	let bestDistance = Infinity;
	for (const c of slashCommands) {
		const d = editDistance(word, c.name);
		if (d < bestDistance) {
			best = c.name;
			bestDistance = d;
		}
	}
	// Beyond about a third of the word it is another word, not a typo ("/foo" is not "/help").
	return bestDistance <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}

/** Damerau–Levenshtein (optimal string alignment): a swapped pair of letters is one typo. */
function editDistance(a: string, b: string): number {
	const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				v = Math.min(v, d[i - 2]![j - 2]! + 1);
			}
			d[i]![j] = v;
		}
	}
	return d[a.length]![b.length]!;
}

/** One sentence for an unknown command, naming the likely one. */
export function unknownCommandMessage(parsed: ParsedInput): string | undefined {
	if (!parsed.unknown) {
		return undefined;
	}
	return parsed.suggestion
		? `There is no /${parsed.unknown} command; did you mean /${parsed.suggestion}?`
		: `There is no /${parsed.unknown} command; type /help to see the commands.`;
}

/** With an exercise open the learner is solving something: guide them rather than explain. */
export function defaultMode(options: { readonly exerciseOpen: boolean }): TutorMode {
	return options.exerciseOpen ? 'guide' : 'explain';
}

export function modeForCommand(command: SlashCommand): TutorMode | undefined {
	return slashCommandInfo(command).mode;
}

export function helpMarkdown(): string {
	const lines = [
		'**CodeMentor** is a tutor: it helps you find the answer yourself instead of writing it for you.',
		'',
		'**Commands**',
		'',
		...slashCommands.map(c => `- \`/${c.name}\` — ${c.description}`),
		'',
		'**Modes**',
		'',
		...tutorModes.map(m => `- **${m.label}** — ${m.description}`),
		'',
		'Or just ask in your own words: the tutor picks the mode from what you ask. Selected code, the Problems list and your exercise\'s test results are shared with it when you attach them.',
	];
	return lines.join('\n');
}
