// docs/platform-api.yaml against the client: the document is OpenAPI 3.1, every route the client
// calls is documented and every documented route is called, sign-in requirements agree, every
// error response uses the one error format, and the client's zod schemas accept exactly the
// fields the document describes (names, required-ness and enums, recursively).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as yaml from 'js-yaml';
import * as z from 'zod';
import { platformRoutes } from '../../../src/core/platform/client';
import * as s from '../../../src/core/platform/schemas';

type Json = Record<string, any>;

const doc = yaml.load(readFileSync(path.join(__dirname, '../../../docs/platform-api.yaml'), 'utf8')) as Json;
const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

function resolve(node: Json): Json {
	let n = node;
	for (let depth = 0; n && typeof n.$ref === 'string' && depth < 10; depth++) {
		const target = (n.$ref as string)
			.replace(/^#\//, '')
			.split('/')
			.reduce<any>((at, key) => at?.[key], doc);
		assert.ok(target, `unresolved $ref ${n.$ref}`);
		n = target;
	}
	return n;
}

function operations(): { key: string; op: Json }[] {
	return Object.entries(doc.paths as Json).flatMap(([p, item]) =>
		Object.entries(item as Json)
			.filter(([m]) => methods.includes(m))
			.map(([m, op]) => ({ key: `${m.toUpperCase()} ${p}`, op: op as Json })),
	);
}

// The JSON shape both sides must agree on: object fields and which are required, array items,
// enum values. Scalar types are left to the schemas' own tests; a drifted field name is what breaks
// a client in the field.
type Shape = { object: Record<string, { required: boolean; shape: Shape }> } | { array: Shape } | { enum: string[] } | 'scalar';

function shapeOfDoc(node: Json): Shape {
	const n = resolve(node);
	if (n.allOf) {
		const parts = (n.allOf as Json[]).map(shapeOfDoc);
		const object: Record<string, { required: boolean; shape: Shape }> = {};
		for (const part of parts) {
			assert.ok(typeof part === 'object' && 'object' in part, 'allOf of objects only');
			Object.assign(object, part.object);
		}
		return { object };
	}
	return shapeOfJsonSchema(n, shapeOfDoc);
}

function shapeOfJsonSchema(n: Json, recurse: (n: Json) => Shape): Shape {
	if (n.anyOf || n.oneOf) {
		const branches = ((n.anyOf ?? n.oneOf) as Json[]).filter(b => b.type !== 'null');
		return branches.length === 1 ? recurse(branches[0]!) : 'scalar';
	}
	const type = Array.isArray(n.type) ? n.type.find((t: string) => t !== 'null') : n.type;
	if (n.enum) {
		return { enum: [...(n.enum as string[])].sort() };
	}
	if (type === 'array') {
		return { array: recurse(n.items) };
	}
	if (type === 'object' && n.properties) {
		const required = new Set<string>(n.required ?? []);
		return {
			object: Object.fromEntries(Object.entries(n.properties as Json).map(([k, v]) => [k, { required: required.has(k), shape: recurse(v as Json) }])),
		};
	}
	return 'scalar';
}

function shapeOfZod(schema: z.ZodType): Shape {
	const json = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as Json;
	const walk = (n: Json): Shape => shapeOfJsonSchema(n, walk);
	return walk(json);
}

// Each documented response component and the zod schema the client parses it with.
const responseSchemas: Record<string, z.ZodType> = {
	ErrorBody: s.errorBodySchema,
	Health: s.healthSchema,
	AuthSession: s.authSessionSchema,
	User: s.userSchema,
	Progress: s.progressSchema,
	AchievementList: s.achievementsSchema,
	ProgressEventsAccepted: s.progressEventsAcceptedSchema,
	DailyExercise: s.dailyExerciseSchema,
	ExercisePage: s.pageSchema(s.exerciseSummarySchema),
	Exercise: s.exerciseSchema,
	Verdict: s.verdictSchema,
	Hint: s.hintSchema,
	SubmissionPage: s.pageSchema(s.submissionSummarySchema),
	ConversationPage: s.pageSchema(s.conversationSchema),
	Conversation: s.conversationSchema,
	MessagePage: s.pageSchema(s.conversationMessageSchema),
	MessageExchange: s.messageExchangeSchema,
	ModelList: s.modelsSchema,
	RepositoryList: s.repositoriesSchema,
	Repository: s.repositorySchema,
	Review: s.reviewSchema,
	DeltaEvent: s.deltaEventSchema,
	ToolCallEvent: s.toolCallEventSchema,
	UsageEvent: s.usageEventSchema,
	CompletionDoneEvent: s.completionDoneEventSchema,
	ConversationDoneEvent: s.conversationDoneEventSchema,
	StreamErrorEvent: s.errorEventSchema,
};

describe('platform/contract (docs/platform-api.yaml)', () => {
	it('is an OpenAPI 3.1 document with bearer auth by default', () => {
		assert.match(String(doc.openapi), /^3\.1\.\d+$/);
		assert.equal(doc.components.securitySchemes.bearer.type, 'http');
		assert.equal(doc.components.securitySchemes.bearer.scheme, 'bearer');
		assert.deepEqual(doc.security, [{ bearer: [] }]);
		assert.match(doc.servers[0].url, /\/api\/v1$/);
	});

	it('documents every route the client calls, and the client calls every documented route', () => {
		const documented = new Set(operations().map(o => o.key));
		const called = new Set(Object.values(platformRoutes).map(r => `${r.method} ${r.path}`));
		assert.deepEqual([...called].filter(k => !documented.has(k)), [], 'called by the client but not documented');
		assert.deepEqual([...documented].filter(k => !called.has(k)), [], 'documented but not implemented by the client');
	});

	it('agrees with the client on which routes need the platform token', () => {
		for (const [name, route] of Object.entries(platformRoutes)) {
			const op = doc.paths[route.path][route.method.toLowerCase()] as Json;
			const security = op.security ?? doc.security;
			const needsToken = security.some((req: Json) => 'bearer' in req);
			assert.equal(needsToken, route.auth, `${name} (${route.method} ${route.path})`);
		}
	});

	it('describes a success and the error format for every response of every operation', () => {
		for (const { key, op } of operations()) {
			const responses = Object.entries(op.responses as Json);
			assert.ok(
				responses.some(([code]) => /^2\d\d$/.test(code)),
				`${key} has no 2xx response`,
			);
			assert.ok('default' in op.responses, `${key} has no default (error) response`);
			for (const [code, response] of responses) {
				const r = resolve(response as Json);
				assert.ok(r.description, `${key} ${code} has no description`);
				if (/^2\d\d$/.test(code)) {
					continue;
				}
				const schema = r.content?.['application/json']?.schema;
				assert.equal(schema?.$ref, '#/components/schemas/ErrorBody', `${key} ${code} does not use the error format`);
			}
		}
	});

	it('resolves every $ref', () => {
		const refs: string[] = [];
		const walk = (n: unknown): void => {
			if (n && typeof n === 'object') {
				for (const [k, v] of Object.entries(n)) {
					if (k === '$ref') {
						refs.push(v as string);
					} else {
						walk(v);
					}
				}
			}
		};
		walk(doc);
		assert.ok(refs.length > 50);
		for (const ref of refs) {
			resolve({ $ref: ref });
		}
	});

	it('has a client schema for every JSON and stream response it documents', () => {
		const documented = new Set<string>();
		for (const { op } of operations()) {
			for (const [code, response] of Object.entries(op.responses as Json)) {
				const r = resolve(response as Json);
				const ref = r.content?.['application/json']?.schema?.$ref as string | undefined;
				if (/^2\d\d$/.test(code) && ref) {
					documented.add(ref.split('/').at(-1)!);
				}
				for (const event of Object.values((r.content?.['text/event-stream']?.['x-sse-events'] ?? {}) as Json)) {
					documented.add((event.$ref as string).split('/').at(-1)!);
				}
			}
		}
		documented.add('ErrorBody');
		assert.deepEqual([...documented].filter(name => !(name in responseSchemas)), [], 'responses the client has no schema for');
	});

	for (const [name, schema] of Object.entries(responseSchemas)) {
		it(`the client's schema for ${name} has the documented fields`, () => {
			assert.ok(doc.components.schemas[name], `components/schemas/${name} is missing`);
			assert.deepEqual(shapeOfZod(schema), shapeOfDoc({ $ref: `#/components/schemas/${name}` }));
		});
	}
});
