import { describe, expect, test } from '@jest/globals';
import { TextEditor } from './text-editor';

describe('TextEditor', () => {
  describe('editing', () => {
    test('starts empty', () => {
      expect(new TextEditor().text).toBe('');
    });

    test('starts with the given text', () => {
      expect(new TextEditor('Hi').text).toBe('Hi');
    });

    test('type appends at the end', () => {
      const editor = new TextEditor('Hi');
      editor.type(' there');
      expect(editor.text).toBe('Hi there');
    });

    test('changing methods return the editor, so calls chain', () => {
      const editor = new TextEditor();
      expect(editor.type('ab')).toBe(editor);
      expect(editor.type('c').backspace().type('d').text).toBe('abd');
    });

    test('backspace deletes one character by default', () => {
      expect(new TextEditor('abc').backspace().text).toBe('ab');
    });

    test('backspace deletes several characters', () => {
      expect(new TextEditor('Hi there!').backspace(7).text).toBe('Hi');
    });

    test('backspace never deletes more than there is', () => {
      expect(new TextEditor('abc').backspace(10).text).toBe('');
      expect(new TextEditor('').backspace().text).toBe('');
    });

    test('a negative or fractional count is a RangeError', () => {
      const editor = new TextEditor('abc');
      expect(() => editor.backspace(-1)).toThrow(RangeError);
      expect(() => editor.backspace(1.5)).toThrow(RangeError);
      expect(editor.text).toBe('abc');
    });

    test('the text cannot be assigned from outside', () => {
      const editor = new TextEditor('safe');
      try {
        editor.text = 'hacked';
      } catch {
        // a getter without a setter may throw in strict mode; either way nothing changes
      }
      expect(editor.text).toBe('safe');
    });
  });

  describe('undo', () => {
    test('a new editor has nothing to undo', () => {
      const editor = new TextEditor('x');
      expect(editor.canUndo).toBe(false);
      expect(() => editor.undo()).toThrow(/nothing to undo/);
      expect(editor.text).toBe('x');
    });

    test('undo takes back the last change', () => {
      const editor = new TextEditor('Hi');
      editor.type('!');
      expect(editor.canUndo).toBe(true);
      expect(editor.undo().text).toBe('Hi');
    });

    test('undo goes back one change at a time', () => {
      const editor = new TextEditor('Hi');
      editor.type(' there').type('!').backspace(7);
      expect(editor.undo().text).toBe('Hi there!');
      expect(editor.undo().text).toBe('Hi there');
      expect(editor.undo().text).toBe('Hi');
      expect(editor.canUndo).toBe(false);
    });

    test('edits that change nothing are not recorded', () => {
      const editor = new TextEditor('a');
      editor.type('b').type('').backspace(0);
      expect(editor.undo().text).toBe('a');
      expect(editor.canUndo).toBe(false);
    });

    test('backspace on empty text is not recorded', () => {
      const editor = new TextEditor();
      editor.backspace();
      expect(editor.canUndo).toBe(false);
    });
  });

  describe('redo', () => {
    test('nothing to redo before any undo', () => {
      const editor = new TextEditor();
      editor.type('a');
      expect(editor.canRedo).toBe(false);
      expect(() => editor.redo()).toThrow(/nothing to redo/);
    });

    test('redo re-applies what undo took back', () => {
      const editor = new TextEditor('Hi');
      editor.type(' there').type('!');
      editor.undo().undo();
      expect(editor.canRedo).toBe(true);
      expect(editor.redo().text).toBe('Hi there');
      expect(editor.redo().text).toBe('Hi there!');
      expect(editor.canRedo).toBe(false);
    });

    test('undo after redo works again', () => {
      const editor = new TextEditor();
      editor.type('a');
      editor.undo().redo().undo();
      expect(editor.text).toBe('');
    });

    test('a new change clears the redo history', () => {
      const editor = new TextEditor('Hi');
      editor.type('!').undo();
      editor.type('?');
      expect(editor.canRedo).toBe(false);
      expect(() => editor.redo()).toThrow(/nothing to redo/);
      expect(editor.text).toBe('Hi?');
      expect(editor.undo().text).toBe('Hi');
    });

    test('editors are independent', () => {
      const a = new TextEditor();
      const b = new TextEditor();
      a.type('x');
      expect(b.canUndo).toBe(false);
    });
  });
});
