// Connecting a model: API keys, model selection, GitHub / platform sign-in, and the status bar
// item that says who is signed in. Commands only; the logic lives in core/llm and platform/.
import * as vscode from 'vscode';
import type { Container } from '../../container';
import { PLATFORM_TOKEN_SECRET } from '../../container';
import { keyLabels, keyProblem, type KeyId } from '../../core/llm/keys';
import type { ProviderId } from '../../core/llm/types';
import type { ProviderSetting } from '../../core/settings';
import { registerCommand } from '../../platform/commands';
import { selectModels } from '../../platform/vscodeLm';
import { CommandIds } from '../../shared/ids';
import { registerChatModelProvider } from './chatProvider';

export type ConnectOption = 'platform' | 'vscodeLm' | 'ollama' | 'openai' | 'anthropic' | 'openaiCompatible';

const modelSettingOf: Partial<Record<ProviderId, 'openai.model' | 'anthropic.model' | 'openaiCompatible.model' | 'vscodeLm.model'>> = {
	openai: 'openai.model',
	anthropic: 'anthropic.model',
	openaiCompatible: 'openaiCompatible.model',
	vscodeLm: 'vscodeLm.model',
};

export function registerModels(container: Container): void {
	const { context, logger } = container;
	const setProvider = async (p: ProviderSetting) => {
		if (container.config.get('provider') !== 'auto' && container.config.get('provider') !== p) {
			await container.config.update('provider', p);
		}
	};

	const setApiKey = async (which?: KeyId): Promise<boolean> => {
		const id =
			which ??
			(
				await vscode.window.showQuickPick(
					(['openai', 'anthropic', 'openaiCompatible'] as const).map(k => ({ label: keyLabels[k], id: k })),
					{ title: 'Set API Key', placeHolder: 'Which service is the key for?' },
				)
			)?.id;
		if (!id) {
			return false;
		}
		const value = await vscode.window.showInputBox({
			title: `${keyLabels[id]} API key`,
			prompt: 'Stored in VS Code\'s secret storage on this machine; never in settings or logs.',
			password: true,
			ignoreFocusOut: true,
			validateInput: v => keyProblem(id, v),
		});
		if (value === undefined) {
			return false;
		}
		await container.keys.set(id, value);
		logger.info(`${keyLabels[id]} API key stored in secret storage`);
		if (id !== 'openaiCompatible') {
			await setProvider(id);
		}
		void vscode.window.showInformationMessage(`CodeMentor: ${keyLabels[id]} key saved.`);
		return true;
	};

	const connectOptions = async (): Promise<Array<vscode.QuickPickItem & { option: ConnectOption }>> => {
		const platformUrl = container.config.get('platform.url');
		const lmCount = (await selectModels().catch(() => [])).length;
		return [
			{ option: 'platform', label: '$(github) CodeMentor platform', description: platformUrl || 'set codementor.platform.url first', detail: 'Sign in with GitHub; your school or team runs the models.' },
			{ option: 'vscodeLm', label: '$(copilot) A VS Code language model', description: lmCount ? `${lmCount} available` : 'none installed', detail: 'For example GitHub Copilot\'s models.' },
			{ option: 'ollama', label: '$(server) Ollama on this computer', description: container.config.get('openaiCompatible.baseUrl'), detail: 'Free and private: install Ollama and pull a model (ollama pull llama3.2).' },
			{ option: 'openai', label: '$(key) OpenAI', detail: 'With your API key.' },
			{ option: 'anthropic', label: '$(key) Anthropic', detail: 'With your API key.' },
			{ option: 'openaiCompatible', label: '$(link) Another OpenAI-compatible server', detail: 'LM Studio, vLLM, llama.cpp…' },
		];
	};

	const connect = async (option?: ConnectOption): Promise<boolean> => {
		const picked = option ?? (await vscode.window.showQuickPick(await connectOptions(), { title: 'Connect a Model', placeHolder: 'How should CodeMentor reach a model?', matchOnDetail: true }))?.option;
		switch (picked) {
			case undefined:
				return false;
			case 'platform':
				if (!container.config.get('platform.url')) {
					await vscode.commands.executeCommand('workbench.action.openSettings', 'codementor.platform.url');
					return false;
				}
				await setProvider('platform');
				return (await vscode.commands.executeCommand<boolean>(CommandIds.signIn)) ?? false;
			case 'vscodeLm':
				await setProvider('vscodeLm');
				return true;
			case 'ollama':
			case 'openaiCompatible': {
				if (picked === 'openaiCompatible') {
					const url = await vscode.window.showInputBox({
						title: 'OpenAI-compatible server',
						prompt: 'Base URL of the server\'s OpenAI API',
						value: container.config.get('openaiCompatible.baseUrl'),
						validateInput: v => (/^https?:\/\/[^\s/]+/.test(v) ? undefined : 'Enter a URL such as http://127.0.0.1:1234/v1'),
					});
					if (!url) {
						return false;
					}
					await container.config.update('openaiCompatible.baseUrl', url);
				}
				await container.config.update('provider', 'openaiCompatible');
				return true;
			}
			case 'openai':
			case 'anthropic':
				return setApiKey(picked);
		}
	};

	const selectModel = async (): Promise<string | undefined> => {
		const provider = await container.models.resolve({ userInitiated: true });
		const models = await vscode.window.withProgress(
			{ location: vscode.ProgressLocation.Notification, title: `CodeMentor: asking ${provider.label} for its models…`, cancellable: true },
			(_p, token) => {
				const controller = new AbortController();
				token.onCancellationRequested(() => controller.abort());
				return provider.listModels(controller.signal);
			},
		);
		// OpenAI lists every model the key can reach; embedding, speech and image models cannot tutor.
		const chatModels = provider.id === 'openai' ? models.filter(m => !/embed|tts|whisper|dall-e|moderation|davinci|babbage|image|audio|realtime|transcribe|search/.test(m.id)) : models;
		if (chatModels.length === 0) {
			void vscode.window.showWarningMessage(`${provider.label} lists no models.`);
			return undefined;
		}
		const picked = await vscode.window.showQuickPick(
			chatModels.map(m => ({ label: m.label === m.id ? m.id : m.label, description: m.id === provider.defaultModel ? 'current' : m.label === m.id ? undefined : m.id, id: m.id })),
			{ title: `Select Model — ${provider.label}`, placeHolder: 'The model the tutor uses' },
		);
		const key = modelSettingOf[provider.id];
		if (!picked || !key) {
			return undefined;
		}
		await container.config.update(key, picked.id);
		return picked.id;
	};

	const signIn = async (): Promise<boolean> => {
		const account = await container.github.signIn();
		if (!account) {
			return false;
		}
		const platform = container.platform();
		if (platform) {
			await (await platform).signIn(true, AbortSignal.timeout(60_000));
			void vscode.window.showInformationMessage(`CodeMentor: signed in to the platform as ${account.login}.`);
		}
		return true;
	};

	const statusItem = vscode.window.createStatusBarItem('codementor.account', vscode.StatusBarAlignment.Right, 90);
	statusItem.name = 'CodeMentor Account';
	const updateStatus = () => {
		const account = container.github.account;
		if (account) {
			statusItem.text = `$(github) ${account.login}`;
			statusItem.tooltip = `CodeMentor: signed in to GitHub as ${account.login}`;
			statusItem.command = undefined;
			statusItem.show();
		} else if (container.config.get('platform.url')) {
			statusItem.text = '$(github) Sign in';
			statusItem.tooltip = 'CodeMentor: sign in with GitHub to use the CodeMentor platform';
			statusItem.command = CommandIds.signIn;
			statusItem.show();
		} else {
			statusItem.hide();
		}
	};

	if (typeof vscode.lm.registerLanguageModelChatProvider === 'function') {
		context.subscriptions.push(registerChatModelProvider(container));
	}
	context.subscriptions.push(
		statusItem,
		container.github.onDidChangeAccount(updateStatus),
		container.config.onDidChange(['platform.url'], updateStatus),
		registerCommand(logger, CommandIds.setApiKey, 'Set API Key', (which?: KeyId) => setApiKey(which)),
		registerCommand(logger, CommandIds.removeApiKey, 'Remove API Key', async () => {
			const stored = [];
			for (const id of ['openai', 'anthropic', 'openaiCompatible'] as const) {
				if ((await container.keys.source(id)) === 'secretStorage') {
					stored.push({ label: keyLabels[id], id });
				}
			}
			if (stored.length === 0) {
				void vscode.window.showInformationMessage('CodeMentor has no API key stored.');
				return;
			}
			const picked = await vscode.window.showQuickPick(stored, { title: 'Remove API Key' });
			if (picked) {
				await container.keys.delete(picked.id);
				void vscode.window.showInformationMessage(`CodeMentor: ${picked.label} key removed.`);
			}
		}),
		registerCommand(logger, CommandIds.selectModel, 'Select Model', selectModel),
		registerCommand(logger, CommandIds.connectModel, 'Connect a Model', (option?: ConnectOption) => connect(option)),
		registerCommand(logger, CommandIds.signIn, 'Sign in with GitHub', signIn),
		registerCommand(logger, CommandIds.signOutPlatform, 'Sign out of the CodeMentor Platform', async () => {
			const platform = container.platform();
			if (platform) {
				await (await platform).signOut(AbortSignal.timeout(15_000));
			}
			await context.secrets.delete(PLATFORM_TOKEN_SECRET);
			void vscode.window.showInformationMessage('CodeMentor: signed out of the platform. Your GitHub account stays signed in to VS Code.');
		}),
	);
	// Silent: never a prompt at startup. Not awaited: activation does not wait on the auth provider.
	void container.github.refresh().then(updateStatus, e => logger.debug(`GitHub: ${String(e)}`));
}
