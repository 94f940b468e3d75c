/**
 * An error about one field of a form.
 */
export class ValidationError extends Error {
  /**
   * @param {string} field the name of the bad field
   * @param {string} message what is wrong with it
   */
  constructor(field, message) {
    throw new Error('Remove this line and implement the function');
  }
}

/**
 * @param {{ username: unknown, email: unknown, age: unknown }} form
 * @returns {true}
 * @throws {ValidationError} for the first field that breaks its rule (username, email, age)
 */
export function validateSignup(form) {
  throw new Error('Remove this line and implement the function');
}

/**
 * @param {{ username: unknown, email: unknown, age: unknown }} form
 * @returns {{ field: string, message: string }[]} one entry per bad field, in rule order
 */
export function collectErrors(form) {
  throw new Error('Remove this line and implement the function');
}
