import { describe, expect, test } from '@jest/globals';
import { weatherAdvice } from './weather-advice';

describe('weatherAdvice', () => {
  describe('temperature bands', () => {
    test('below zero is freezing', () => {
      expect(weatherAdvice(-10)).toBe('Freezing: wear a heavy coat.');
    });

    test('just below zero is still freezing', () => {
      expect(weatherAdvice(-0.5)).toBe('Freezing: wear a heavy coat.');
    });

    test('exactly zero is cold, not freezing', () => {
      expect(weatherAdvice(0)).toBe('Cold: bring a jacket.');
    });

    test('just below 12 is cold', () => {
      expect(weatherAdvice(11.9)).toBe('Cold: bring a jacket.');
    });

    test('exactly 12 is mild', () => {
      expect(weatherAdvice(12)).toBe('Mild: a sweater will do.');
    });

    test('the middle of the mild band', () => {
      expect(weatherAdvice(18)).toBe('Mild: a sweater will do.');
    });

    test('exactly 24 is hot', () => {
      expect(weatherAdvice(24)).toBe('Hot: shorts and sunscreen.');
    });

    test('a heatwave is hot', () => {
      expect(weatherAdvice(41)).toBe('Hot: shorts and sunscreen.');
    });
  });

  describe('rain', () => {
    test('no rain by default', () => {
      expect(weatherAdvice(5)).toBe('Cold: bring a jacket.');
    });

    test('no rain when isRaining is false', () => {
      expect(weatherAdvice(5, false)).toBe('Cold: bring a jacket.');
    });

    test('rain adds an umbrella', () => {
      expect(weatherAdvice(5, true)).toBe('Cold: bring a jacket. Take an umbrella.');
    });

    test('rain on a hot day still needs an umbrella', () => {
      expect(weatherAdvice(30, true)).toBe('Hot: shorts and sunscreen. Take an umbrella.');
    });

    test('rain at exactly zero needs an umbrella', () => {
      expect(weatherAdvice(0, true)).toBe('Cold: bring a jacket. Take an umbrella.');
    });

    test('rain below zero means ice', () => {
      expect(weatherAdvice(-3, true)).toBe('Freezing: wear a heavy coat. Watch out for ice.');
    });
  });

  describe('broken sensor', () => {
    test('NaN', () => {
      expect(weatherAdvice(NaN)).toBe('Check the thermometer!');
    });

    test('Infinity', () => {
      expect(weatherAdvice(-Infinity)).toBe('Check the thermometer!');
    });

    test('no reading at all, even when raining', () => {
      expect(weatherAdvice(undefined, true)).toBe('Check the thermometer!');
    });

    test('a string is not a reading', () => {
      expect(weatherAdvice('20')).toBe('Check the thermometer!');
    });
  });
});
