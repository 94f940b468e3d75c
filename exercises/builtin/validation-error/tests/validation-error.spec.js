import { describe, expect, test } from '@jest/globals';
import { ValidationError, collectErrors, validateSignup } from './validation-error';

const valid = { username: 'ada_l', email: 'ada@example.com', age: 36 };

// The error `fn` throws, or undefined when it doesn't throw.
const thrownBy = (fn) => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
};

const fieldOf = (form) => thrownBy(() => validateSignup(form))?.field;

describe('ValidationError', () => {
  test('is an Error with a field, a message and a name', () => {
    const error = new ValidationError('email', 'email is wrong');
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.field).toBe('email');
    expect(error.message).toBe('email is wrong');
    expect(error.name).toBe('ValidationError');
  });

  test('can be thrown and caught like any error', () => {
    expect(() => {
      throw new ValidationError('age', 'too young');
    }).toThrow('too young');
  });
});

describe('validateSignup', () => {
  test('a valid form returns true', () => {
    expect(validateSignup(valid)).toBe(true);
  });

  test('an invalid form throws a ValidationError with a message', () => {
    const error = thrownBy(() => validateSignup({ ...valid, username: 'al' }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.field).toBe('username');
    expect(typeof error.message).toBe('string');
    expect(error.message.length).toBeGreaterThan(0);
  });

  describe('username', () => {
    test('3 and 16 characters are allowed', () => {
      expect(validateSignup({ ...valid, username: 'abc' })).toBe(true);
      expect(validateSignup({ ...valid, username: 'a'.repeat(16) })).toBe(true);
    });

    test('letters, digits and underscores are allowed', () => {
      expect(validateSignup({ ...valid, username: 'Ada_L0velace' })).toBe(true);
    });

    test('too short or too long', () => {
      expect(fieldOf({ ...valid, username: 'ab' })).toBe('username');
      expect(fieldOf({ ...valid, username: 'a'.repeat(17) })).toBe('username');
    });

    test('spaces, dashes and accented letters are not allowed', () => {
      for (const username of ['ada l', 'ada-l', 'zoë_k']) {
        expect(fieldOf({ ...valid, username })).toBe('username');
      }
    });

    test('missing or not a string', () => {
      expect(fieldOf({ ...valid, username: undefined })).toBe('username');
      expect(fieldOf({ ...valid, username: 12345 })).toBe('username');
    });
  });

  describe('email', () => {
    test('a sub-domain is fine', () => {
      expect(validateSignup({ ...valid, email: 'a.b@mail.example.org' })).toBe(true);
    });

    test('no @ or two @', () => {
      expect(fieldOf({ ...valid, email: 'nope' })).toBe('email');
      expect(fieldOf({ ...valid, email: 'a@b@example.com' })).toBe('email');
    });

    test('nothing before the @', () => {
      expect(fieldOf({ ...valid, email: '@example.com' })).toBe('email');
    });

    test('no dot in the domain, or only at its start or end', () => {
      expect(fieldOf({ ...valid, email: 'ada@com' })).toBe('email');
      expect(fieldOf({ ...valid, email: 'ada@.com' })).toBe('email');
      expect(fieldOf({ ...valid, email: 'ada@example.' })).toBe('email');
    });

    test('not a string', () => {
      expect(fieldOf({ ...valid, email: null })).toBe('email');
    });
  });

  describe('age', () => {
    test('13 and 120 are allowed', () => {
      expect(validateSignup({ ...valid, age: 13 })).toBe(true);
      expect(validateSignup({ ...valid, age: 120 })).toBe(true);
    });

    test('too young or too old', () => {
      expect(fieldOf({ ...valid, age: 12 })).toBe('age');
      expect(fieldOf({ ...valid, age: 121 })).toBe('age');
    });

    test('not a whole number', () => {
      expect(fieldOf({ ...valid, age: 20.5 })).toBe('age');
      expect(fieldOf({ ...valid, age: NaN })).toBe('age');
    });

    test('a string of digits is not a number', () => {
      expect(fieldOf({ ...valid, age: '36' })).toBe('age');
    });
  });

  test('the first failing rule is reported', () => {
    expect(fieldOf({ username: 'x', email: 'nope', age: 5 })).toBe('username');
    expect(fieldOf({ ...valid, email: 'nope', age: 5 })).toBe('email');
  });
});

describe('collectErrors', () => {
  test('a valid form has no errors', () => {
    expect(collectErrors(valid)).toEqual([]);
  });

  test('one bad field', () => {
    const errors = collectErrors({ ...valid, age: 200 });
    expect(errors).toHaveLength(1);
    expect(errors[0].field).toBe('age');
  });

  test('every bad field, in rule order', () => {
    const errors = collectErrors({ username: 'a b', email: 'nope', age: 12 });
    expect(errors.map((e) => e.field)).toEqual(['username', 'email', 'age']);
  });

  test('each entry is a plain { field, message } object with a message', () => {
    const [error] = collectErrors({ ...valid, email: 'nope' });
    expect(Object.keys(error).sort()).toEqual(['field', 'message']);
    expect(error.message.length).toBeGreaterThan(0);
    expect(error).not.toBeInstanceOf(Error);
  });

  test('does not throw for a bad form', () => {
    expect(() => collectErrors({})).not.toThrow();
    expect(collectErrors({})).toHaveLength(3);
  });
});
