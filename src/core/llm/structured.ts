// Structured output: a zod schema becomes the JSON schema sent to the model; the reply is parsed
// and validated; one repair turn quotes the validation problem back to the model; a second failure
// is a typed error naming the field. Used for generated exercises, review findings and triage.
import * as z from 'zod';
import { LlmError } from './errors';
import { collect } from './stream';
import type { ChatRequest, ChatResult, LlmProvider } from './types';

export interface ObjectResult<T> {
	readonly value: T;
	/** Every call made (1, or 2 after a repair), for usage and cost accounting. */
	readonly calls: readonly ChatResult[];
}

/** JSON Schema for a zod schema, in the dialect OpenAI's strict mode and Anthropic tools accept. */
export function toJsonSchema(schema: z.ZodType): Record<string, unknown> {
	const json = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
	delete json.$schema;
	return json;
}

/** Extracts the JSON value from a reply that may wrap it in prose or a ```json fence. */
export function extractJson(text: string): unknown {
	const trimmed = text.trim();
	const fenced = /```(?:json)?\s*([\s\S]*?)```/.exec(trimmed);
	const candidates = [trimmed, fenced?.[1]?.trim(), sliceBalanced(trimmed)];
	for (const c of candidates) {
		if (!c) {
			continue;
		}
		try {
			return JSON.parse(c);
		} catch {
			// try the next candidate
		}
	}
	throw new SyntaxError('the reply is not valid JSON');
}

function sliceBalanced(text: string): string | undefined {
	const start = text.search(/[[{]/);
	if (start < 0) {
		return undefined;
	}
	const end = Math.max(text.lastIndexOf('}'), text.lastIndexOf(']'));
	return end > start ? text.slice(start, end + 1) : undefined;
}

/**
 * One line naming a zod error's first problem: `field "hints.2": expected string, received number`.
 * `whole` names the value when the problem is at its root ("the value", "the body").
 */
export function describeZodError(error: z.ZodError, whole = 'the value', unmatched = 'does not match the schema'): string {
	const issue = error.issues[0];
	if (!issue) {
		return `${whole} ${unmatched}`;
	}
	const where = issue.path.length > 0 ? `field "${issue.path.map(String).join('.')}"` : whole;
	// zod prefixes "Invalid input: " etc.; the field name already says it is invalid.
	return `${where}: ${issue.message.replace(/^Invalid (?:input|option|type|value): /, '')}`;
}

/** describeZodError for a reply that failed validation, or the parse error's own message. */
export function describeIssue(error: unknown): string {
	if (error instanceof z.ZodError) {
		return describeZodError(error);
	}
	return error instanceof Error ? error.message : String(error);
}

export async function generateObject<S extends z.ZodType>(
	provider: LlmProvider,
	request: Omit<ChatRequest, 'jsonSchema'> & { readonly schemaName: string },
	schema: S,
): Promise<ObjectResult<z.infer<S>>> {
	const { schemaName, ...base } = request;
	const jsonSchema = { name: schemaName, schema: toJsonSchema(schema) };
	const calls: ChatResult[] = [];
	let messages = base.messages;
	let lastProblem = '';
	for (let attempt = 0; attempt < 2; attempt++) {
		const result = await collect(provider.chat({ ...base, messages, jsonSchema }));
		calls.push(result);
		try {
			const value = schema.parse(extractJson(result.text));
			return { value, calls };
		} catch (error) {
			lastProblem = describeIssue(error);
			messages = [
				...messages,
				{ role: 'assistant', content: result.text },
				{ role: 'user', content: `That reply does not match the required JSON schema (${lastProblem}). Reply again with only the corrected JSON object.` },
			];
		}
	}
	throw new LlmError('bad_response', `${provider.label} did not return valid structured output (${lastProblem}).`, { provider: provider.id });
}
