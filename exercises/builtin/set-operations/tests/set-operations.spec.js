import { beforeEach, describe, expect, test } from '@jest/globals';
import { difference, intersection, isSubset, symmetricDifference, union } from './set-operations';

let chess;
let drama;

beforeEach(() => {
  chess = new Set(['Ada', 'Bo', 'Cy']);
  drama = new Set(['Cy', 'Di']);
});

const expectUnchanged = () => {
  expect(chess).toEqual(new Set(['Ada', 'Bo', 'Cy']));
  expect(drama).toEqual(new Set(['Cy', 'Di']));
};

describe('union', () => {
  test('values from either set, once each', () => {
    expect(union(chess, drama)).toEqual(new Set(['Ada', 'Bo', 'Cy', 'Di']));
  });

  test('with an empty set', () => {
    expect(union(chess, new Set())).toEqual(chess);
    expect(union(new Set(), new Set())).toEqual(new Set());
  });

  test('returns a new Set and changes neither input', () => {
    const result = union(chess, drama);
    expect(result).toBeInstanceOf(Set);
    expect(result).not.toBe(chess);
    expectUnchanged();
  });
});

describe('intersection', () => {
  test('values in both', () => {
    expect(intersection(chess, drama)).toEqual(new Set(['Cy']));
  });

  test('nothing in common', () => {
    expect(intersection(new Set([1, 2]), new Set([3]))).toEqual(new Set());
  });

  test('a number and a string with the same digits are different values', () => {
    expect(intersection(new Set([1, 2]), new Set(['1', 2]))).toEqual(new Set([2]));
  });

  test('changes neither input', () => {
    intersection(chess, drama);
    expectUnchanged();
  });
});

describe('difference', () => {
  test('values of the first set that are not in the second', () => {
    expect(difference(chess, drama)).toEqual(new Set(['Ada', 'Bo']));
  });

  test('the order of the arguments matters', () => {
    expect(difference(drama, chess)).toEqual(new Set(['Di']));
  });

  test('subtracting an empty set changes nothing', () => {
    expect(difference(chess, new Set())).toEqual(chess);
  });

  test('a set minus itself is empty', () => {
    expect(difference(chess, chess)).toEqual(new Set());
  });

  test('changes neither input', () => {
    difference(chess, drama);
    expectUnchanged();
  });
});

describe('symmetricDifference', () => {
  test('values in exactly one of the sets', () => {
    expect(symmetricDifference(chess, drama)).toEqual(new Set(['Ada', 'Bo', 'Di']));
  });

  test('identical sets have no symmetric difference', () => {
    expect(symmetricDifference(new Set([1, 2]), new Set([2, 1]))).toEqual(new Set());
  });

  test('disjoint sets give their union', () => {
    expect(symmetricDifference(new Set([1]), new Set([2]))).toEqual(new Set([1, 2]));
  });

  test('changes neither input', () => {
    symmetricDifference(chess, drama);
    expectUnchanged();
  });
});

describe('isSubset', () => {
  test('a smaller set inside a bigger one', () => {
    expect(isSubset(new Set(['Cy']), chess)).toBe(true);
  });

  test('a bigger set is not a subset of a smaller one', () => {
    expect(isSubset(chess, new Set(['Cy']))).toBe(false);
  });

  test('overlapping sets are not subsets', () => {
    expect(isSubset(drama, chess)).toBe(false);
  });

  test('every set is a subset of itself', () => {
    expect(isSubset(chess, chess)).toBe(true);
  });

  test('the empty set is a subset of every set', () => {
    expect(isSubset(new Set(), drama)).toBe(true);
    expect(isSubset(new Set(), new Set())).toBe(true);
  });
});
