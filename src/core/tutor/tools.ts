// The tools the tutor may call: exercises, tests, progress, hints, and the learner's study task
// list. One definition per tool (name, description, zod input schema) serves the tutor's own models,
// VS Code's chat participant and vscode.lm.registerTool; what the tools do is injected (ToolHost).
// Inputs are validated here; a tool that fails answers the model with the reason instead of throwing.
import * as z from 'zod';
import { errorMessage } from '../errors';
import type { GradeResult } from '../exercises/model';
import { describeZodError, toJsonSchema } from '../llm/structured';
import type { ToolDefinition } from '../llm/types';
import type { StudyTaskStore } from '../progress/events';

export interface ToolExerciseInfo {
	readonly id: string;
	readonly title: string;
	readonly language: string;
	readonly difficulty: string;
	readonly concepts: readonly string[];
	readonly status: string;
}

/** What the tools act on; the VS Code side implements it. */
export interface ToolHost {
	listExercises(filter: { readonly query?: string; readonly concept?: string; readonly language?: string; readonly difficulty?: string; readonly limit: number }): Promise<readonly ToolExerciseInfo[]>;
	startExercise(exerciseId: string): Promise<{ readonly folder: string; readonly title: string }>;
	/** Grades the exercise (the active one when no id is given). */
	runTests(exerciseId?: string): Promise<GradeResult & { readonly title: string }>;
	getProgress(): Promise<unknown>;
	getHint(exerciseId?: string): Promise<{ readonly level: number; readonly text: string; readonly exerciseTitle?: string }>;
	readonly tasks: StudyTaskStore;
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date like 2026-12-04' });

export const toolSpecs = {
	list_exercises: {
		title: 'List exercises',
		description: 'Lists exercises from the catalog, optionally filtered by a search text, concept, language or difficulty. Returns id, title, language, difficulty, concepts and the learner\'s status for each.',
		input: z.object({
			query: z.string().max(200).optional().describe('Words to search in titles and concepts'),
			concept: z.string().max(60).optional().describe('A concept id such as "recursion" or "loops"'),
			language: z.enum(['python', 'javascript']).optional(),
			difficulty: z.enum(['beginner', 'easy', 'medium', 'hard']).optional(),
			limit: z.number().int().min(1).max(50).default(10),
		}),
		confirm: false,
		runsCode: false,
	},
	start_exercise: {
		title: 'Start an exercise',
		description: "Starts an exercise: writes its starter files into the learner's workspace (never overwriting their work) and opens it.",
		input: z.object({ exerciseId: z.string().min(1).max(200).describe('The exercise id from list_exercises, e.g. "builtin/leap-year"') }),
		confirm: false,
		runsCode: false,
	},
	run_tests: {
		title: 'Run the tests',
		description: "Runs the tests of the learner's exercise (the one open in the editor when no id is given) and returns each test's result with failure messages.",
		input: z.object({ exerciseId: z.string().min(1).max(200).optional() }),
		confirm: false,
		runsCode: true,
	},
	get_progress: {
		title: 'Read progress',
		description: "Returns the learner's progress: streak, mastery per concept, exercises passed, hints used and recurring error patterns.",
		input: z.object({}),
		confirm: false,
		runsCode: false,
	},
	get_hint: {
		title: 'Get the next hint',
		description: "Returns the next hint of the exercise's hint ladder (gentlest first) and records that the learner used it.",
		input: z.object({ exerciseId: z.string().min(1).max(200).optional() }),
		confirm: false,
		runsCode: false,
	},
	add_task: {
		title: 'Add a study task',
		description: 'Adds a task to the learner\'s study list, e.g. "Practise recursion" due on a date.',
		input: z.object({
			title: z.string().min(1).max(200),
			due: isoDate.optional().describe('Due date YYYY-MM-DD in the learner\'s time zone; resolve words like "Friday" against today\'s date first'),
			concepts: z.array(z.string().max(60)).max(10).optional(),
			notes: z.string().max(1000).optional(),
		}),
		confirm: false,
		runsCode: false,
	},
	list_tasks: {
		title: 'List study tasks',
		description: "Lists the learner's study tasks (open ones unless a status is given).",
		input: z.object({ status: z.enum(['open', 'done', 'all']).default('open') }),
		confirm: false,
		runsCode: false,
	},
	update_task: {
		title: 'Update a study task',
		description: 'Changes a study task\'s title, due date or notes, or reopens it.',
		input: z.object({
			id: z.string().min(1).max(100),
			title: z.string().min(1).max(200).optional(),
			due: isoDate.optional(),
			notes: z.string().max(1000).optional(),
			status: z.enum(['open', 'done']).optional(),
		}),
		confirm: false,
		runsCode: false,
	},
	complete_task: {
		title: 'Complete a study task',
		description: 'Marks a study task as done.',
		input: z.object({ id: z.string().min(1).max(100) }),
		confirm: false,
		runsCode: false,
	},
	delete_task: {
		title: 'Delete a study task',
		description: 'Deletes a study task for good. The learner is asked to confirm.',
		input: z.object({ id: z.string().min(1).max(100) }),
		confirm: true,
		runsCode: false,
	},
} as const;

export type ToolName = keyof typeof toolSpecs;
export const toolNames = Object.keys(toolSpecs) as ToolName[];

export function isToolName(name: string): name is ToolName {
	return Object.hasOwn(toolSpecs, name);
}

/** The tools as the tutor's models see them; `trusted: false` leaves out the ones that run code. */
export function toolDefinitions(options: { readonly trusted: boolean }): ToolDefinition[] {
	return toolNames
		.filter(name => options.trusted || !toolSpecs[name].runsCode)
		.map(name => ({ name, description: toolSpecs[name].description, inputSchema: toJsonSchema(toolSpecs[name].input) }));
}

/** VS Code's name for a tool (languageModelTools in package.json): `codementor_<name>`. */
export function vscodeToolName(name: ToolName): string {
	return `codementor_${name}`;
}

export type ParsedToolInput = { readonly ok: true; readonly name: ToolName; readonly input: unknown } | { readonly ok: false; readonly error: string };

export function parseToolInput(name: string, raw: unknown): ParsedToolInput {
	if (!isToolName(name)) {
		return { ok: false, error: `There is no tool "${name}". Available tools: ${toolNames.join(', ')}.` };
	}
	const value = typeof raw === 'string' ? safeJson(raw) : (raw ?? {});
	const result = toolSpecs[name].input.safeParse(value);
	if (!result.success) {
		return { ok: false, error: `Invalid input for ${name}: ${describeZodError(result.error, 'the input')}.` };
	}
	return { ok: true, name, input: result.data };
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

export interface ToolOutcome {
	/** What the model reads (JSON or a sentence). */
	readonly content: string;
	readonly isError: boolean;
	/** One line for the learner's view of the step. */
	readonly summary: string;
}

/** A one-line, learner-facing description of a call ("Adding the task “Practise recursion”"). */
export function describeCall(name: string, input: unknown): string {
	const i = (input ?? {}) as Record<string, unknown>;
	switch (name) {
		case 'list_exercises':
			return `Looking for exercises${i.concept ? ` on ${String(i.concept)}` : i.query ? ` about “${String(i.query)}”` : ''}`;
		case 'start_exercise':
			return `Starting ${String(i.exerciseId)}`;
		case 'run_tests':
			return `Running the tests${i.exerciseId ? ` of ${String(i.exerciseId)}` : ''}`;
		case 'get_progress':
			return 'Reading your progress';
		case 'get_hint':
			return 'Getting the next hint';
		case 'add_task':
			return `Adding the task “${String(i.title)}”${i.due ? ` for ${String(i.due)}` : ''}`;
		case 'list_tasks':
			return 'Reading your study tasks';
		case 'update_task':
			return 'Updating a study task';
		case 'complete_task':
			return 'Completing a study task';
		case 'delete_task':
			return 'Deleting a study task';
		default:
			return `Calling ${name}`;
	}
}

/** Runs one validated tool call. Never throws: failures become an error result the model can read. */
export async function runTool(name: ToolName, input: unknown, host: ToolHost, options: { readonly trusted: boolean }): Promise<ToolOutcome> {
	const spec = toolSpecs[name];
	if (spec.runsCode && !options.trusted) {
		return { content: 'This workspace is in Restricted Mode, so tests cannot run. Ask the learner to trust the folder (Manage Workspace Trust) first.', isError: true, summary: 'Not run: Restricted Mode' };
	}
	try {
		return await execute(name, input as never, host);
	} catch (error) {
		const message = errorMessage(error);
		return { content: `The tool failed: ${message}`, isError: true, summary: message };
	}
}

type Input<N extends ToolName> = z.output<(typeof toolSpecs)[N]['input']>;

async function execute<N extends ToolName>(name: N, input: Input<N>, host: ToolHost): Promise<ToolOutcome> {
	const ok = (value: unknown, summary: string): ToolOutcome => ({ content: JSON.stringify(value), isError: false, summary });
	switch (name) {
		case 'list_exercises': {
			const i = input as Input<'list_exercises'>;
			const found = await host.listExercises(i);
			return ok(found, `${found.length} exercise${found.length === 1 ? '' : 's'} found`);
		}
		case 'start_exercise': {
			const started = await host.startExercise((input as Input<'start_exercise'>).exerciseId);
			return ok({ started: true, ...started }, `Started “${started.title}”`);
		}
		case 'run_tests': {
			const r = await host.runTests((input as Input<'run_tests'>).exerciseId);
			const failures = r.tests.filter(t => t.status === 'failed' || t.status === 'errored').slice(0, 10);
			const value = {
				exercise: r.title,
				passed: r.passed,
				failed: r.failed,
				error: r.error?.message,
				failures: failures.map(t => ({ name: t.name, message: t.message?.slice(0, 600), expected: t.expected, actual: t.actual, location: t.location })),
			};
			return ok(value, r.error && r.tests.length === 0 ? r.error.message : `${r.passed} of ${r.passed + r.failed} tests passed`);
		}
		case 'get_progress':
			return ok(await host.getProgress(), 'Progress read');
		case 'get_hint': {
			const hint = await host.getHint((input as Input<'get_hint'>).exerciseId);
			return ok(hint, `Hint level ${hint.level}`);
		}
		case 'add_task': {
			const task = await host.tasks.add(input as Input<'add_task'>);
			return ok(task, `Added “${task.title}”${task.due ? ` (due ${task.due})` : ''}`);
		}
		case 'list_tasks': {
			const status = (input as Input<'list_tasks'>).status;
			const tasks = await host.tasks.list(status === 'all' ? {} : { status });
			return ok(tasks, `${tasks.length} task${tasks.length === 1 ? '' : 's'}`);
		}
		case 'update_task': {
			const { id, ...patch } = input as Input<'update_task'>;
			const task = await host.tasks.update(id, patch);
			return ok(task, `Updated “${task.title}”`);
		}
		case 'complete_task': {
			const task = await host.tasks.complete((input as Input<'complete_task'>).id);
			return ok(task, `Completed “${task.title}”`);
		}
		case 'delete_task': {
			await host.tasks.delete((input as Input<'delete_task'>).id);
			return ok({ deleted: true }, 'Deleted');
		}
	}
	return { content: `There is no tool "${String(name)}".`, isError: true, summary: 'Unknown tool' };
}
