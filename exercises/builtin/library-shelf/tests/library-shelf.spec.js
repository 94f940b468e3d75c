import { beforeEach, describe, expect, test } from '@jest/globals';
import { byAuthor, byYear, shelfOrder } from './library-shelf';

let books;

beforeEach(() => {
  books = [
    { title: 'Emma', author: 'Jane Austen', year: 1815 },
    { title: 'Dune', author: 'Frank Herbert', year: 1965 },
    { title: 'Persuasion', author: 'Jane Austen', year: 1817 },
    { title: 'Beloved', author: 'Toni Morrison', year: 1987 },
  ];
});

const titles = (list) => list.map((book) => book.title);

describe('byYear', () => {
  test('an empty shelf', () => {
    expect(byYear([])).toEqual([]);
  });

  test('oldest first', () => {
    expect(titles(byYear(books))).toEqual(['Emma', 'Persuasion', 'Dune', 'Beloved']);
  });

  test('years are compared as numbers', () => {
    const list = [
      { title: 'New', author: 'A', year: 2001 },
      { title: 'Ancient', author: 'B', year: 800 },
      { title: 'Old', author: 'C', year: 1200 },
    ];
    expect(titles(byYear(list))).toEqual(['Ancient', 'Old', 'New']);
  });

  test('books from the same year keep their order', () => {
    const list = [
      { title: 'Second', author: 'B', year: 1990 },
      { title: 'First', author: 'A', year: 1950 },
      { title: 'Third', author: 'C', year: 1990 },
    ];
    expect(titles(byYear(list))).toEqual(['First', 'Second', 'Third']);
  });

  test('returns a new array and leaves the original in order', () => {
    const result = byYear(books);
    expect(result).not.toBe(books);
    expect(titles(books)).toEqual(['Emma', 'Dune', 'Persuasion', 'Beloved']);
  });
});

describe('byAuthor', () => {
  test('sorted by last name, then year', () => {
    expect(titles(byAuthor(books))).toEqual(['Emma', 'Persuasion', 'Dune', 'Beloved']);
  });

  test('the last word of the name is the last name', () => {
    const list = [
      { title: 'Zed', author: 'Ursula K. Le Guin', year: 1969 },
      { title: 'Solaris', author: 'Stanisław Lem', year: 1961 },
      { title: 'Kindred', author: 'Octavia E. Butler', year: 1979 },
    ];
    expect(titles(byAuthor(list))).toEqual(['Kindred', 'Zed', 'Solaris']);
  });

  test('case is ignored', () => {
    const list = [
      { title: 'Capitals', author: 'Bob Baker', year: 2000 },
      { title: 'Lower case', author: 'amy adams', year: 2000 },
    ];
    expect(titles(byAuthor(list))).toEqual(['Lower case', 'Capitals']);
  });

  test('accents are ignored', () => {
    const list = [
      { title: 'Germinal', author: 'Émile Zola', year: 1885 },
      { title: 'Yonder', author: 'Yan Yeo', year: 1900 },
      { title: 'Light', author: 'Anders Ångström', year: 1853 },
    ];
    expect(titles(byAuthor(list))).toEqual(['Light', 'Yonder', 'Germinal']);
  });

  test('same last name is ordered by year', () => {
    const list = [
      { title: 'Late', author: 'Anne Brontë', year: 1848 },
      { title: 'Early', author: 'Charlotte Bronte', year: 1847 },
    ];
    expect(titles(byAuthor(list))).toEqual(['Early', 'Late']);
  });

  test('leaves the original in order', () => {
    byAuthor(books);
    expect(titles(books)).toEqual(['Emma', 'Dune', 'Persuasion', 'Beloved']);
  });
});

describe('shelfOrder', () => {
  test('an empty list', () => {
    expect(shelfOrder([])).toEqual([]);
  });

  test('plain alphabetical order, ignoring case', () => {
    expect(shelfOrder(['dune', 'beloved', 'Circe'])).toEqual(['beloved', 'Circe', 'dune']);
  });

  test('leading articles are ignored and the titles are kept as written', () => {
    expect(shelfOrder(['The Hobbit', 'an Unexpected Journey', 'A Game of Thrones', 'dune'])).toEqual([
      'dune',
      'A Game of Thrones',
      'The Hobbit',
      'an Unexpected Journey',
    ]);
  });

  test('an article only counts as a whole first word', () => {
    expect(shelfOrder(['Theory of Everything', 'Anatomy', 'The Boat'])).toEqual([
      'Anatomy',
      'The Boat',
      'Theory of Everything',
    ]);
  });

  test('"The" later in the title is not removed', () => {
    expect(shelfOrder(['Zoo of the Moon', 'Into The Wild'])).toEqual(['Into The Wild', 'Zoo of the Moon']);
  });

  test('leaves the original in order', () => {
    const list = ['b', 'a'];
    const result = shelfOrder(list);
    expect(result).toEqual(['a', 'b']);
    expect(list).toEqual(['b', 'a']);
  });
});
