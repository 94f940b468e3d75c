// CodeMentor's settings: one typed table of every `codementor.*` key with its default and a
// validator. package.json's `contributes.configuration` declares the same keys with the same
// defaults (an integration test checks they agree). A value of the wrong type falls back to the
// default, and the reason is reported instead of crashing a feature.
// Kept free of zod on purpose: it is read during activation, which must stay small.

type Validator<T> = (value: unknown) => value is T;

export const isString = (v: unknown): v is string => typeof v === 'string';
export const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
export const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
export const oneOf =
	<const T extends string>(values: readonly T[]): Validator<T> =>
	(v: unknown): v is T =>
		typeof v === 'string' && (values as readonly string[]).includes(v);
export const numberIn =
	(min: number, max: number): Validator<number> =>
	(v: unknown): v is number =>
		typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;

export const isHttpUrl = (v: unknown): v is string => {
	if (typeof v !== 'string') {
		return false;
	}
	try {
		const { protocol } = new URL(v);
		return protocol === 'http:' || protocol === 'https:';
	} catch {
		return false;
	}
};
export const isHttpUrlOrEmpty = (v: unknown): v is string => v === '' || isHttpUrl(v);

interface SettingSpec<T> {
	readonly default: T;
	readonly valid: Validator<T>;
}
const spec = <T>(defaultValue: T, valid: Validator<T>): SettingSpec<T> => ({ default: defaultValue, valid });

export const providerIds = ['auto', 'openai', 'anthropic', 'openaiCompatible', 'vscodeLm', 'platform'] as const;
export type ProviderSetting = (typeof providerIds)[number];

/** Every setting, keyed without the `codementor.` prefix. */
export const settingSpecs = {
	provider: spec<ProviderSetting>('auto', oneOf(providerIds)),
	'exercises.sources': spec<string[]>([], isStringArray),
	'exercises.folder': spec<string>('', isString),
	'exercises.groupBy': spec<'concept' | 'difficulty' | 'language' | 'none'>('concept', oneOf(['concept', 'difficulty', 'language', 'none'] as const)),
	'openai.model': spec<string>('gpt-4o-mini', isString),
	'openai.baseUrl': spec<string>('', isHttpUrlOrEmpty),
	'anthropic.model': spec<string>('claude-sonnet-4-6', isString),
	'openaiCompatible.baseUrl': spec<string>('http://127.0.0.1:11434/v1', isHttpUrl),
	'openaiCompatible.model': spec<string>('', isString),
	'vscodeLm.model': spec<string>('', isString),
	'platform.url': spec<string>('', isHttpUrlOrEmpty),
	'github.enterprise': spec<boolean>(false, isBoolean),
	'grading.pythonPath': spec<string>('', isString),
	'grading.nodePath': spec<string>('', isString),
	'review.onSave': spec<'off' | 'exercises' | 'workspace'>('exercises', oneOf(['off', 'exercises', 'workspace'] as const)),
	'review.languages': spec<string[]>(['python', 'javascript', 'typescript'], isStringArray),
	'review.exclude': spec<string[]>([], isStringArray),
	'review.tokensPerHour': spec<number>(20_000, numberIn(0, 10_000_000)),
	'help.offerWhenStuck': spec<boolean>(true, isBoolean),
	'help.stallMinutes': spec<number>(20, numberIn(1, 600)),
} satisfies Record<string, SettingSpec<unknown>>;

export type SettingKey = keyof typeof settingSpecs;
export type Settings = { [K in SettingKey]: (typeof settingSpecs)[K]['default'] };

export interface SettingResult<T> {
	readonly value: T;
	/** Set when the configured value was ignored, saying why. */
	readonly problem?: string;
}

/** Validates one raw configured value; undefined means "not set". */
export function resolveSetting<K extends SettingKey>(key: K, raw: unknown): SettingResult<Settings[K]> {
	const s = settingSpecs[key] as unknown as SettingSpec<Settings[K]>;
	if (raw === undefined || raw === null) {
		return { value: s.default };
	}
	if (s.valid(raw)) {
		return { value: raw };
	}
	return {
		value: s.default,
		problem: `Setting "codementor.${key}" has an invalid value ${JSON.stringify(raw)}; using the default ${JSON.stringify(s.default)}.`,
	};
}
