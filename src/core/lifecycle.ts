// Ownership of things that must be released: the Disposable base every long-lived service extends.
// Structural (no runtime `vscode` import) so core code can own subscriptions too; vscode.Disposable
// satisfies `IDisposable`.

export interface IDisposable {
	dispose(): void;
}

export function toDisposable(fn: () => void): IDisposable {
	let disposed = false;
	return {
		dispose() {
			if (!disposed) {
				disposed = true;
				fn();
			}
		},
	};
}

/** Disposes all, continuing past failures, and rethrows the first failure afterwards. */
export function disposeAll(disposables: Iterable<IDisposable>): void {
	let firstError: unknown;
	for (const d of disposables) {
		try {
			d.dispose();
		} catch (e) {
			firstError ??= e;
		}
	}
	if (firstError !== undefined) {
		throw firstError;
	}
}

export abstract class Disposable implements IDisposable {
	private readonly _disposables: IDisposable[] = [];
	private _isDisposed = false;

	protected get isDisposed(): boolean {
		return this._isDisposed;
	}

	protected _register<T extends IDisposable>(disposable: T): T {
		if (this._isDisposed) {
			disposable.dispose();
		} else {
			this._disposables.push(disposable);
		}
		return disposable;
	}

	dispose(): void {
		if (this._isDisposed) {
			return;
		}
		this._isDisposed = true;
		// Release in reverse order of acquisition, like a stack of `using` declarations.
		disposeAll(this._disposables.splice(0).reverse());
	}
}

/** Runs `create` on first access and caches the result; lets a container create rare services lazily. */
export class Lazy<T> {
	private _value: { v: T } | undefined;
	constructor(private readonly create: () => T) {}

	get hasValue(): boolean {
		return this._value !== undefined;
	}

	get value(): T {
		this._value ??= { v: this.create() };
		return this._value.v;
	}
}
