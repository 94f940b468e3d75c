// The environment a grading run gets: an allow-list of the parent's variables, never anything that
// looks like a credential. Learner code (and code an LLM generated) runs here, and the extension
// host's environment may hold API keys, so nothing is inherited by default.

/** Names that must never reach a grading run, whatever else allows them. */
const secretName = /KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL/i;

function allowed(name: string, platform: NodeJS.Platform): boolean {
	const upper = platform === 'win32' ? name.toUpperCase() : name;
	if (upper === 'PATH' || upper === 'LANG' || upper === 'TZ' || upper.startsWith('LC_')) {
		return true;
	}
	// Python and Node on Windows fail in odd ways (sockets, random, spawning) without these.
	return platform === 'win32' && (upper === 'SYSTEMROOT' || upper === 'WINDIR' || upper === 'PATHEXT' || upper === 'COMSPEC');
}

export function isSecretName(name: string): boolean {
	return secretName.test(name);
}

/**
 * The scrubbed environment: allow-listed parent variables, HOME (and USERPROFILE on Windows) set to
 * the run's folder so nothing reads or writes the learner's real home, then `extra` (runtime and
 * runner settings). Secret-looking names are dropped from every part, including `extra`.
 */
export function sandboxEnv(
	parent: NodeJS.ProcessEnv,
	home: string,
	extra: Readonly<Record<string, string>> = {},
	platform: NodeJS.Platform = process.platform,
): Record<string, string> {
	const env: Record<string, string> = {};
	for (const [name, value] of Object.entries(parent)) {
		if (value !== undefined && allowed(name, platform) && !isSecretName(name)) {
			env[name] = value;
		}
	}
	env.HOME = home;
	if (platform === 'win32') {
		env.USERPROFILE = home;
	}
	for (const [name, value] of Object.entries(extra)) {
		if (!isSecretName(name)) {
			env[name] = value;
		}
	}
	return env;
}
