/**
 * A tiny editor: type and backspace at the end of the text, with undo and redo.
 */
export class TextEditor {
  #text;
  #undo = [];
  #redo = [];

  /**
   * @param {string} [text='']
   */
  constructor(text = '') {
    this.#text = text;
  }

  /** @returns {string} the current text (read-only) */
  get text() {
    return this.#text;
  }

  /**
   * Appends `chars`. Typing '' is not a change.
   *
   * @param {string} chars
   * @returns {this}
   */
  type(chars) {
    return this.#change(this.#text + chars);
  }

  /**
   * Deletes up to `count` characters from the end; RangeError for a negative or non-integer count.
   *
   * @param {number} [count=1]
   * @returns {this}
   */
  backspace(count = 1) {
    if (!Number.isInteger(count) || count < 0) {
      throw new RangeError(`count must be a whole number >= 0, got ${count}`);
    }
    return this.#change(this.#text.slice(0, Math.max(0, this.#text.length - count)));
  }

  /**
   * Restores the text before the last change. Throws an Error ("nothing to undo") when there is none.
   *
   * @returns {this}
   */
  undo() {
    if (this.#undo.length === 0) {
      throw new Error('nothing to undo');
    }
    this.#redo.push(this.#text);
    this.#text = this.#undo.pop();
    return this;
  }

  /**
   * Re-applies the last undone change. Throws an Error ("nothing to redo") when there is none.
   *
   * @returns {this}
   */
  redo() {
    if (this.#redo.length === 0) {
      throw new Error('nothing to redo');
    }
    this.#undo.push(this.#text);
    this.#text = this.#redo.pop();
    return this;
  }

  /** @returns {boolean} */
  get canUndo() {
    return this.#undo.length > 0;
  }

  /** @returns {boolean} */
  get canRedo() {
    return this.#redo.length > 0;
  }

  #change(next) {
    if (next !== this.#text) {
      this.#undo.push(this.#text);
      this.#redo = [];
      this.#text = next;
    }
    return this;
  }
}
