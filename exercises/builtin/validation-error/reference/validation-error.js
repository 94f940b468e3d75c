/**
 * An error about one field of a form.
 */
export class ValidationError extends Error {
  /**
   * @param {string} field the name of the bad field
   * @param {string} message what is wrong with it
   */
  constructor(field, message) {
    super(message);
    this.name = 'ValidationError';
    this.field = field;
  }
}

const USERNAME = /^\w{3,16}$/;

const checkUsername = ({ username }) => {
  if (typeof username !== 'string' || !USERNAME.test(username)) {
    throw new ValidationError('username', 'username must be 3-16 letters, digits or _');
  }
};

const checkEmail = ({ email }) => {
  const parts = typeof email === 'string' ? email.split('@') : [];
  const [local, domain] = parts;
  const dot = parts.length === 2 ? domain.indexOf('.', 1) : -1;
  if (parts.length !== 2 || local === '' || dot === -1 || domain.endsWith('.')) {
    throw new ValidationError('email', 'email must look like name@example.com');
  }
};

const checkAge = ({ age }) => {
  if (!Number.isInteger(age) || age < 13 || age > 120) {
    throw new ValidationError('age', 'age must be a whole number from 13 to 120');
  }
};

const CHECKS = [checkUsername, checkEmail, checkAge];

/**
 * @param {{ username: unknown, email: unknown, age: unknown }} form
 * @returns {true}
 * @throws {ValidationError} for the first field that breaks its rule (username, email, age)
 */
export function validateSignup(form) {
  for (const check of CHECKS) {
    check(form);
  }
  return true;
}

/**
 * @param {{ username: unknown, email: unknown, age: unknown }} form
 * @returns {{ field: string, message: string }[]} one entry per bad field, in rule order
 */
export function collectErrors(form) {
  const errors = [];
  for (const check of CHECKS) {
    try {
      check(form);
    } catch (error) {
      if (!(error instanceof ValidationError)) {
        throw error;
      }
      errors.push({ field: error.field, message: error.message });
    }
  }
  return errors;
}
