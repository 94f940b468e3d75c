/**
 * A new array of fn(element, index) for each element.
 *
 * @template T, U
 * @param {T[]} array
 * @param {(element: T, index: number) => U} fn
 * @returns {U[]}
 */
export function myMap(array, fn) {
  const result = [];
  for (let i = 0; i < array.length; i++) {
    result.push(fn(array[i], i));
  }
  return result;
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
  const result = [];
  for (let i = 0; i < array.length; i++) {
    if (predicate(array[i], i)) {
      result.push(array[i]);
    }
  }
  return result;
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
  // arguments.length, not `initial === undefined`: undefined is a legitimate initial value.
  const hasInitial = arguments.length >= 3;
  if (!hasInitial && array.length === 0) {
    throw new TypeError('myReduce of an empty array with no initial value');
  }
  let accumulator = hasInitial ? initial : array[0];
  for (let i = hasInitial ? 0 : 1; i < array.length; i++) {
    accumulator = reducer(accumulator, array[i], i);
  }
  return accumulator;
}
