// The Tutor view's host<->webview protocol. One discriminated union per direction; both sides
// validate what they receive with parseMessage().
import * as z from 'zod';
import { CommandIds } from '../ids';

/** Commands the webview may ask the host to run: an allow-list, never an arbitrary id. */
export const tutorRunnableCommands = [
	CommandIds.getStarted,
	CommandIds.showLogs,
	CommandIds.openSettings,
	CommandIds.connectModel,
	CommandIds.selectModel,
	CommandIds.setApiKey,
	CommandIds.signIn,
	'codementor.exercises.focus',
	'codementor.progress.focus',
] as const;

/** One-click ways to connect a model, offered when none is connected (arguments of connectModel). */
export const connectOptions = ['platform', 'vscodeLm', 'ollama', 'openai', 'anthropic', 'openaiCompatible'] as const;

export const tutorToHost = z.discriminatedUnion('type', [
	z.object({ type: z.literal('ready') }),
	z.object({
		type: z.literal('command/run'),
		command: z.enum(tutorRunnableCommands),
		/** Only connectModel takes an argument: which option. */
		args: z.array(z.enum(connectOptions)).max(1).optional(),
	}),
]);
export type TutorToHost = z.infer<typeof tutorToHost>;

export const modelStatus = z.discriminatedUnion('status', [
	z.object({ status: z.literal('checking') }),
	z.object({ status: z.literal('connected'), provider: z.string().max(100), label: z.string().max(200) }),
	z.object({
		status: z.literal('none'),
		/** Set when the last attempt failed, in one sentence. */
		problem: z.string().max(500).optional(),
		platformConfigured: z.boolean(),
	}),
]);
export type ModelStatus = z.infer<typeof modelStatus>;

export const tutorState = z.object({
	screen: z.literal('welcome'),
	/** Restricted Mode: the tutor explains but does not run code. */
	trusted: z.boolean(),
	model: modelStatus,
});
export type TutorState = z.infer<typeof tutorState>;

export const hostToTutor = z.discriminatedUnion('type', [z.object({ type: z.literal('state/set'), state: tutorState })]);
export type HostToTutor = z.infer<typeof hostToTutor>;
