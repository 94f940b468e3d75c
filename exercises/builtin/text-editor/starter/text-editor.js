/**
 * A tiny editor: type and backspace at the end of the text, with undo and redo.
 */
export class TextEditor {
  /**
   * @param {string} [text='']
   */
  constructor(text = '') {
    throw new Error('Remove this line and implement the function');
  }

  /** @returns {string} the current text (read-only) */
  get text() {
    throw new Error('Remove this line and implement the function');
  }

  /**
   * Appends `chars`. Typing '' is not a change.
   *
   * @param {string} chars
   * @returns {this}
   */
  type(chars) {
    throw new Error('Remove this line and implement the function');
  }

  /**
   * Deletes up to `count` characters from the end; RangeError for a negative or non-integer count.
   *
   * @param {number} [count=1]
   * @returns {this}
   */
  backspace(count = 1) {
    throw new Error('Remove this line and implement the function');
  }

  /**
   * Restores the text before the last change. Throws an Error ("nothing to undo") when there is none.
   *
   * @returns {this}
   */
  undo() {
    throw new Error('Remove this line and implement the function');
  }

  /**
   * Re-applies the last undone change. Throws an Error ("nothing to redo") when there is none.
   *
   * @returns {this}
   */
  redo() {
    throw new Error('Remove this line and implement the function');
  }

  /** @returns {boolean} */
  get canUndo() {
    throw new Error('Remove this line and implement the function');
  }

  /** @returns {boolean} */
  get canRedo() {
    throw new Error('Remove this line and implement the function');
  }
}
