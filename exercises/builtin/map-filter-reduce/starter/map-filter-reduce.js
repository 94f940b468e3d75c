/**
 * A new array of fn(element, index) for each element.
 *
 * @template T, U
 * @param {T[]} array
 * @param {(element: T, index: number) => U} fn
 * @returns {U[]}
 */
export function myMap(array, fn) {
  throw new Error('Remove this line and implement the function');
}

/**
 * A new array of the elements for which predicate(element, index) is truthy.
 *
 * @template T
 * @param {T[]} array
 * @param {(element: T, index: number) => unknown} predicate
 * @returns {T[]}
 */
export function myFilter(array, predicate) {
  throw new Error('Remove this line and implement the function');
}

/**
 * Folds the array into one value with reducer(accumulator, element, index).
 * Without `initial`, starts from the first element; throws a TypeError for an empty array then.
 *
 * @template T, A
 * @param {T[]} array
 * @param {(accumulator: A, element: T, index: number) => A} reducer
 * @param {A} [initial]
 * @returns {A}
 */
export function myReduce(array, reducer, initial) {
  throw new Error('Remove this line and implement the function');
}
